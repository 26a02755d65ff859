-- Revert flipr:users from pg

BEGIN;

DROP TABLE users;

COMMIT;
