CREATE TABLE doc (id integer PRIMARY KEY, title text, owner integer, tags text[], score integer);
CREATE INDEX doc_title ON doc (title);
CREATE INDEX doc_owner ON doc (owner);
CREATE INDEX doc_score ON doc (score);
INSERT INTO doc VALUES (1, 't', 1, '{a}', 3);
