-- Verify flipr:user-email on pg

SELECT email FROM users WHERE 1 = 0;
