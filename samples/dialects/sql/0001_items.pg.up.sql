CREATE TABLE items (
    id         SERIAL PRIMARY KEY,
    name       TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The body is one dollar-quoted string: its semicolons do not end the statement.
CREATE FUNCTION items_touch() RETURNS trigger AS $$
BEGIN
    NEW.updated_at := now();
    IF NEW.name = '' THEN
        RAISE EXCEPTION 'name must not be empty; got %', quote_literal(NEW.name);
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER items_touch BEFORE UPDATE ON items
    FOR EACH ROW EXECUTE FUNCTION items_touch();
