-- Verify flipr:seed_users on pg

SELECT 1 / COUNT(*) FROM users WHERE nickname = 'admin';
