-- A function replaced, a procedure dropped, a trigger function and two triggers created.
CREATE TABLE account (id integer PRIMARY KEY, balance numeric, updated timestamptz);
CREATE FUNCTION add(a integer, b integer) RETURNS integer LANGUAGE sql AS $$ SELECT a + b + 0 $$;
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated := now();
    RETURN NEW;
END
$$;
CREATE TRIGGER account_touch BEFORE UPDATE ON account FOR EACH ROW EXECUTE FUNCTION touch();
CREATE TRIGGER account_touch_ins BEFORE INSERT ON account FOR EACH ROW WHEN (NEW.balance > 0) EXECUTE FUNCTION touch();
