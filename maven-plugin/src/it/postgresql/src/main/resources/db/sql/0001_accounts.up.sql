CREATE TABLE accounts (id bigserial PRIMARY KEY, owner text NOT NULL);
CREATE FUNCTION accounts_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.owner := trim(NEW.owner);
  RETURN NEW;
END;
$$;
