-- Verify flipr:flips on pg

BEGIN;

SELECT id, nickname, body FROM flips WHERE 1 = 0;

ROLLBACK;
