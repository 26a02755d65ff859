-- Changes ALTER TABLE cannot make: a type, NOT NULL, a default, a column added with
-- CURRENT_TIMESTAMP and a generated column: the table is rebuilt, rows and index kept.
CREATE TABLE item (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL DEFAULT '',
    price REAL DEFAULT 0,
    created TEXT,
    seen TEXT DEFAULT CURRENT_TIMESTAMP,
    double_price REAL GENERATED ALWAYS AS (price * 2) STORED
);
CREATE INDEX item_name ON item (name);
CREATE TABLE other (id INTEGER PRIMARY KEY, item_id INTEGER REFERENCES item (id));
