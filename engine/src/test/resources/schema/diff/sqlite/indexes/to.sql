-- Index dropped, changed, partial and expression indexes created.
CREATE TABLE doc (id INTEGER PRIMARY KEY, title TEXT, owner INTEGER, score INTEGER);
CREATE INDEX doc_title ON doc (title DESC);
CREATE UNIQUE INDEX doc_owner_title ON doc (owner, title) WHERE owner IS NOT NULL;
CREATE INDEX doc_lower ON doc (lower(title));
