-- Enum and domain types, used by a table; a standalone sequence and one owned by a column.
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE DOMAIN positive AS integer NOT NULL DEFAULT 1 CHECK (VALUE > 0);
CREATE DOMAIN code AS text COLLATE "C" CHECK (length(VALUE) = 3);
CREATE SEQUENCE ticket START 100 INCREMENT 5 MINVALUE 100 MAXVALUE 100000 CACHE 10 CYCLE;
CREATE TABLE person (id integer, feeling mood DEFAULT 'ok', n positive, c code, t integer);
CREATE SEQUENCE person_t_seq OWNED BY person.t;
