-- add enum value mood.ok
ALTER TYPE mood ADD VALUE 'ok' BEFORE 'happy';

-- add enum value mood.ecstatic
ALTER TYPE mood ADD VALUE 'ecstatic';

-- create enum size
CREATE TYPE size AS ENUM ('s', 'm', 'l');

-- create domain code
CREATE DOMAIN code AS text CHECK (length(VALUE) = 3);

-- alter domain positive
ALTER DOMAIN positive SET DEFAULT 1;

-- create sequence person_serial_no_seq
CREATE SEQUENCE person_serial_no_seq AS integer INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1 NO CYCLE;

-- alter sequence ticket
ALTER SEQUENCE ticket AS bigint INCREMENT BY 5 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 100 CACHE 10 NO CYCLE;

-- DESTRUCTIVE: drop column person.k
ALTER TABLE person DROP COLUMN k;

-- add column person.s
ALTER TABLE person ADD COLUMN s size;

-- add column person.c
ALTER TABLE person ADD COLUMN c code;

-- add column person.serial_no
ALTER TABLE person ADD COLUMN serial_no integer DEFAULT nextval('person_serial_no_seq'::regclass) NOT NULL;

-- alter sequence person_serial_no_seq
ALTER SEQUENCE person_serial_no_seq OWNED BY person.serial_no;

-- drop enum old_kind
DROP TYPE old_kind;
