-- Deploy flipr:users to pg

BEGIN;

CREATE TABLE users (
    nickname  VARCHAR(50)  PRIMARY KEY,
    password  VARCHAR(100) NOT NULL,
    fullname  VARCHAR(100)
);

COMMIT;
