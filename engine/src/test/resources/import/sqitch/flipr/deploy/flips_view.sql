-- Deploy flipr:flips_view to pg
-- requires: flips_view@v1.1

BEGIN;

DROP VIEW flips_view;

CREATE VIEW flips_view AS
SELECT f.id, f.nickname, u.fullname, f.body
  FROM flips f
  JOIN users u ON u.nickname = f.nickname;

COMMIT;
