-- Deploy flipr:flips_view to pg
-- requires: flips
-- requires: users

BEGIN;

CREATE VIEW flips_view AS
SELECT f.id, f.nickname, f.body
  FROM flips f
  JOIN users u ON u.nickname = f.nickname;

COMMIT;
