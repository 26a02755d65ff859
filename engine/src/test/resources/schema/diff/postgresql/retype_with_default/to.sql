CREATE TYPE mood AS ENUM ('happy', 'sad');
CREATE TYPE feeling AS ENUM ('happy', 'meh');
CREATE TABLE person (
    id integer PRIMARY KEY,
    mood feeling DEFAULT 'happy',
    state mood DEFAULT 'happy' NOT NULL,
    code bigint DEFAULT 7
);
