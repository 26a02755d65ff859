-- drop index doc.doc_owner
DROP INDEX doc_owner;

-- drop index doc.doc_title
DROP INDEX doc_title;

-- create index doc.doc_lower
CREATE INDEX doc_lower ON doc (lower(title));

-- create index doc.doc_owner_title
CREATE UNIQUE INDEX doc_owner_title ON doc (owner, title) WHERE owner IS NOT NULL;

-- create index doc.doc_title
CREATE INDEX doc_title ON doc (title DESC);
