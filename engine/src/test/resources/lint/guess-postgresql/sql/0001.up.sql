CREATE TABLE accounts (id bigserial PRIMARY KEY, email text NOT NULL, updated_at timestamptz);

CREATE FUNCTION touch() RETURNS trigger AS $$
BEGIN
  NEW.updated_at = now();
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
