-- Enum values added (one between two), an enum created and one dropped, a domain's default and
-- NOT NULL changed, a domain created; a sequence altered, one created and owned by a serial column.
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy', 'ecstatic');
CREATE TYPE size AS ENUM ('s', 'm', 'l');
CREATE DOMAIN positive AS integer DEFAULT 1 CHECK (VALUE > 0);
CREATE DOMAIN code AS text CHECK (length(VALUE) = 3);
CREATE SEQUENCE ticket START 100 INCREMENT 5 CACHE 10;
CREATE TABLE person (id integer PRIMARY KEY, feeling mood, n positive, s size, c code, serial_no serial);
