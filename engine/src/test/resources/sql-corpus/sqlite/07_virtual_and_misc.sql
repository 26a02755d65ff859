-- Virtual tables, temporary-free misc statements, and a string that spans lines.
CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize = 'porter unicode61');
INSERT INTO docs (title, body) VALUES ('Semi;colons', 'A body;
spanning lines; with ''quotes''
and -- a fake comment /* and another */');
CREATE VIRTUAL TABLE boxes USING rtree(id, minx, maxx, miny, maxy);
INSERT INTO boxes VALUES (1, 0, 1, 0, 1);
CREATE TABLE json_docs (id INTEGER PRIMARY KEY, doc TEXT CHECK (json_valid(doc)),
    name TEXT GENERATED ALWAYS AS (json_extract(doc, '$.name')) STORED);
INSERT INTO json_docs (doc) VALUES ('{"name": "x;y", "q": "it''s", "c": "/*"}');
CREATE INDEX json_name ON json_docs (json_extract(doc, '$.name'));
