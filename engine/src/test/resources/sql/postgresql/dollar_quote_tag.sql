CREATE FUNCTION f() RETURNS text AS $body$
  SELECT 'has $$ inside; ok'::text;
$body$ LANGUAGE sql;
SELECT f();
