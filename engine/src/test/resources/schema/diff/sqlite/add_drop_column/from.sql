CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL, note TEXT);
INSERT INTO item VALUES (1, 'a', 'x'), (2, 'b', NULL);
