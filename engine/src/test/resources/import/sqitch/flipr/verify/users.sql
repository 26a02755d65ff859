-- Verify flipr:users on pg

BEGIN;

SELECT nickname, password, fullname FROM users WHERE 1 = 0;

ROLLBACK;
