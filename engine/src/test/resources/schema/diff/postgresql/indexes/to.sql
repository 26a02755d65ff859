-- One index kept, one dropped, one changed (descending, partial), new expression, gin and
-- INCLUDE indexes.
CREATE TABLE doc (id integer PRIMARY KEY, title text, owner integer, tags text[], score integer);
CREATE INDEX doc_title ON doc (title);
CREATE INDEX doc_score ON doc (score DESC) WHERE score > 0;
CREATE UNIQUE INDEX doc_lower ON doc (lower(title), owner);
CREATE INDEX doc_tags ON doc USING gin (tags);
CREATE INDEX doc_owner_incl ON doc (owner) INCLUDE (score);
