-- A function, an overload, a procedure and triggers.
CREATE TABLE account (id integer PRIMARY KEY, balance numeric NOT NULL DEFAULT 0, updated timestamptz);
CREATE FUNCTION add(a integer, b integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT a + b $$;
CREATE FUNCTION add(a numeric, b numeric) RETURNS numeric LANGUAGE sql AS $$ SELECT a + b $$;
CREATE PROCEDURE reset_all() LANGUAGE sql AS $$ UPDATE account SET balance = 0 $$;
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated := now();
    RETURN NEW;
END
$$;
CREATE TRIGGER account_touch BEFORE UPDATE ON account FOR EACH ROW EXECUTE FUNCTION touch();
CREATE TRIGGER account_touch_ins BEFORE INSERT ON account FOR EACH ROW WHEN (NEW.balance > 0) EXECUTE FUNCTION touch();
