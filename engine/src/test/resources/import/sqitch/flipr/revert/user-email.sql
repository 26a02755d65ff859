-- Revert flipr:user-email from pg

BEGIN;

ALTER TABLE users DROP COLUMN email;

COMMIT;
