CREATE TABLE item (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT, price INTEGER, created TEXT);
CREATE INDEX item_name ON item (name);
CREATE TABLE other (id INTEGER PRIMARY KEY, item_id INTEGER REFERENCES item (id));
INSERT INTO item (name, price) VALUES ('a', 1), ('b', 2);
INSERT INTO other VALUES (1, 1);
