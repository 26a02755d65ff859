CREATE TABLE account (id integer PRIMARY KEY, balance numeric, updated timestamptz);
CREATE FUNCTION add(a integer, b integer) RETURNS integer LANGUAGE sql AS $$ SELECT a + b $$;
CREATE PROCEDURE reset_all() LANGUAGE sql AS $$ UPDATE account SET balance = 0 $$;
INSERT INTO account VALUES (1, 5, NULL);
