-- drop index doc.doc_owner
DROP INDEX doc_owner;

-- drop index doc.doc_score
DROP INDEX doc_score;

-- create index doc.doc_lower
CREATE UNIQUE INDEX doc_lower ON doc USING btree (lower(title), owner);

-- create index doc.doc_owner_incl
CREATE INDEX doc_owner_incl ON doc USING btree (owner) INCLUDE (score);

-- create index doc.doc_score
CREATE INDEX doc_score ON doc USING btree (score DESC) WHERE score > 0;

-- create index doc.doc_tags
CREATE INDEX doc_tags ON doc USING gin (tags);
