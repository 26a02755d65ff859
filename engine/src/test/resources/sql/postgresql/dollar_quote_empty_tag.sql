CREATE FUNCTION inc(i int) RETURNS int AS $$
BEGIN
  RETURN i + 1; -- isn't it
END;
$$ LANGUAGE plpgsql;
SELECT inc(1);
