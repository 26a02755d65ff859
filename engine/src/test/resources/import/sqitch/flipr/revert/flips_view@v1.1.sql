-- Revert flipr:flips_view from pg

BEGIN;

DROP VIEW flips_view;

COMMIT;
