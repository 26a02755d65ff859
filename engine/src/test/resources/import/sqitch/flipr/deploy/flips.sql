-- Deploy flipr:flips to pg
-- requires: users

BEGIN;

CREATE TABLE flips (
    id        INTEGER      PRIMARY KEY,
    nickname  VARCHAR(50)  NOT NULL REFERENCES users(nickname),
    body      VARCHAR(180) NOT NULL
);

CREATE INDEX flips_nickname ON flips (nickname);

COMMIT;
