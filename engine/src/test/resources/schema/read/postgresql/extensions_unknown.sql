-- An extension (its own functions and types are the extension's, not listed), and objects the
-- model does not describe: listed as unknown by kind and name. Graft's tables are left out.
CREATE EXTENSION citext;
CREATE TABLE login (id integer PRIMARY KEY, email citext);
CREATE TYPE pair AS (a integer, b integer);
CREATE AGGREGATE total_of(integer) (SFUNC = int4pl, STYPE = integer);
ALTER TABLE login ENABLE ROW LEVEL SECURITY;
CREATE POLICY login_own ON login USING (id > 0);
CREATE RULE login_no_delete AS ON DELETE TO login DO INSTEAD NOTHING;
CREATE TABLE graft_revisions (id text PRIMARY KEY);
CREATE TABLE graft_log (id integer);
