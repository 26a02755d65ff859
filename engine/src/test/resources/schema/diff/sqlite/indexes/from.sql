CREATE TABLE doc (id INTEGER PRIMARY KEY, title TEXT, owner INTEGER, score INTEGER);
CREATE INDEX doc_title ON doc (title);
CREATE INDEX doc_owner ON doc (owner);
INSERT INTO doc VALUES (1, 't', 1, 2);
