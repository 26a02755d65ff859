-- drop index doc.doc_owner
DROP INDEX `doc_owner` ON `doc`;

-- drop index doc.doc_title
DROP INDEX `doc_title` ON `doc`;

-- create index doc.doc_body
CREATE FULLTEXT INDEX `doc_body` ON `doc` (`body`);

-- create index doc.doc_owner_desc
CREATE INDEX `doc_owner_desc` ON `doc` (`owner` DESC);

-- create index doc.doc_owner_title
CREATE UNIQUE INDEX `doc_owner_title` ON `doc` (`owner`, `title`);

-- create index doc.doc_title
CREATE INDEX `doc_title` ON `doc` (`title`(20));
