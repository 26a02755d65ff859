-- Deploy flipr:user-email to pg
-- requires: users

BEGIN;

ALTER TABLE users ADD COLUMN email VARCHAR(100);

COMMIT;
