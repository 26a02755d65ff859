-- A column's type changes while it has a default that cannot be cast to the new type (an enum
-- to another enum, text to an enum): the default goes first and comes back after the new type.
CREATE TYPE mood AS ENUM ('happy', 'sad');
CREATE TYPE feeling AS ENUM ('happy', 'meh');
CREATE TABLE person (
    id integer PRIMARY KEY,
    mood mood DEFAULT 'happy',
    state text DEFAULT 'happy' NOT NULL,
    code integer DEFAULT 7
);
INSERT INTO person (id, mood, state) VALUES (1, 'happy', 'happy'), (2, DEFAULT, 'sad');
