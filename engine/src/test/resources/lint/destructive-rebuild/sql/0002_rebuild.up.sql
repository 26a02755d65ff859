-- DESTRUCTIVE: rebuild table item (SQLite cannot alter column name)
-- graft:allow down-keeps-table (renamed below)
CREATE TABLE item_graft_new (
    id INTEGER PRIMARY KEY,
    name VARCHAR(10) NOT NULL,
    price REAL
);
INSERT INTO item_graft_new (id, name, price) SELECT id, name, price FROM item;
-- graft:allow destructive-statement (the rows were copied above)
DROP TABLE item;
ALTER TABLE item_graft_new RENAME TO item;
PRAGMA foreign_key_check(item);

-- rebuild table kept (SQLite cannot add or drop a constraint)
-- graft:allow down-keeps-table (renamed below)
CREATE TABLE kept_graft_new (
    id INTEGER PRIMARY KEY,
    note TEXT UNIQUE
);
INSERT INTO kept_graft_new (id, note) SELECT id, note FROM kept;
-- graft:allow destructive-statement (the rows were copied above)
DROP TABLE kept;
ALTER TABLE kept_graft_new RENAME TO kept;
PRAGMA foreign_key_check(kept);
