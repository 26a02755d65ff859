-- Revert flipr:flips_view from pg

BEGIN;

DROP VIEW flips_view;

CREATE VIEW flips_view AS
SELECT f.id, f.nickname, f.body
  FROM flips f
  JOIN users u ON u.nickname = f.nickname;

COMMIT;
