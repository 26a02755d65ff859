CREATE TYPE mood AS ENUM ('sad', 'happy');
CREATE TYPE old_kind AS ENUM ('x');
CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
CREATE SEQUENCE ticket START 1;
CREATE TABLE person (id integer PRIMARY KEY, feeling mood, n positive, k old_kind);
INSERT INTO person VALUES (1, 'sad', 2, 'x');
