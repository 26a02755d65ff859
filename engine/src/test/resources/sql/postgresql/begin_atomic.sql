CREATE FUNCTION add_user(n text) RETURNS void
LANGUAGE sql
BEGIN ATOMIC
  INSERT INTO users (name) VALUES (n);
  INSERT INTO audit (what) VALUES ('add ' || n);
END;
SELECT add_user('x');
