-- Plain, unique, partial, expression and descending indexes.
CREATE TABLE doc (id INTEGER PRIMARY KEY, title TEXT, owner INTEGER, score INTEGER);
CREATE INDEX doc_title ON doc (title);
CREATE UNIQUE INDEX doc_owner_title ON doc (owner, title) WHERE owner IS NOT NULL;
CREATE INDEX doc_lower ON doc (lower(title), score DESC);
