-- Unique, partial, expression, descending, other methods, INCLUDE.
CREATE TABLE doc (id integer PRIMARY KEY, title text, body text, tags text[], score integer, owner integer);
CREATE INDEX doc_title ON doc (title);
CREATE UNIQUE INDEX doc_owner_title ON doc (owner, title) WHERE owner IS NOT NULL;
CREATE INDEX doc_lower_title ON doc (lower(title));
CREATE INDEX doc_score_desc ON doc (score DESC NULLS LAST, id);
CREATE INDEX doc_tags ON doc USING gin (tags);
CREATE INDEX doc_owner_incl ON doc (owner) INCLUDE (score, title);
CREATE INDEX doc_hash ON doc USING hash (body);
