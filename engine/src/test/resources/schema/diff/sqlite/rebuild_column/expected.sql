-- DESTRUCTIVE: rebuild table item (SQLite cannot alter column name)
-- graft:allow down-keeps-table (renamed below)
CREATE TABLE item_graft_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL DEFAULT '',
    price REAL DEFAULT 0,
    created TEXT,
    seen TEXT DEFAULT CURRENT_TIMESTAMP,
    double_price REAL GENERATED ALWAYS AS (price * 2) STORED
);
INSERT INTO item_graft_new (id, name, price, created) SELECT id, name, price, created FROM item;
-- graft:allow destructive-statement (the rows were copied above)
DROP TABLE item;
ALTER TABLE item_graft_new RENAME TO item;
CREATE INDEX item_name ON item (name);
PRAGMA foreign_key_check(item);
