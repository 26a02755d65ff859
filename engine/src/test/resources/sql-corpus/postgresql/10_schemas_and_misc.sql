-- Schemas, sequences, aggregates, operators, casts, policies, several statements on one line.
CREATE SCHEMA "app;data"
    CREATE TABLE settings (k text PRIMARY KEY, v text DEFAULT 'a;b')
    CREATE VIEW settings_view AS SELECT k, v FROM settings WHERE v <> ';';

CREATE SEQUENCE "app;data".ticket_seq START 100 INCREMENT BY 5; CREATE SEQUENCE plain_seq; -- two on a line
SELECT setval('plain_seq', 42);

CREATE FUNCTION concat_semi(acc text, nxt text) RETURNS text LANGUAGE sql IMMUTABLE
    RETURN CASE WHEN acc IS NULL THEN nxt ELSE acc || ';' || nxt END;
CREATE AGGREGATE semi_agg(text) (SFUNC = concat_semi, STYPE = text, INITCOND = '');

CREATE FUNCTION text_eq_ci(a text, b text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT lower(a) = lower(b) $$;
CREATE OPERATOR === (LEFTARG = text, RIGHTARG = text, FUNCTION = text_eq_ci, COMMUTATOR = ===);
CREATE OPERATOR #-# (LEFTARG = integer, RIGHTARG = integer, FUNCTION = int4mi);

CREATE TYPE temperature AS (celsius numeric);
CREATE FUNCTION temp_to_text(temperature) RETURNS text LANGUAGE sql IMMUTABLE AS $$SELECT $1.celsius || '°C;'$$;
CREATE CAST (temperature AS text) WITH FUNCTION temp_to_text(temperature);

ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY "actor;sees;own" ON audit_log USING (actor = current_user OR action = 'it''s;odd');

CREATE TABLE U&"\00e9t\00e9" (U&"na\0301me" text DEFAULT U&'\+01F600;');
CREATE TABLE "Mixed""Quote;Table" ("a""b" int, "/*c*/" int, "--d" int, "$e$" int);

CREATE TABLE ext_stats_t (a int, b int);
CREATE STATISTICS "ab;stats" (dependencies) ON a, b FROM ext_stats_t;
CREATE INDEX ON ext_stats_t ((a #-# b));

SELECT 1 AS one /* inline; comment */ , 2 AS "two;" ; SELECT 'done; at last'
