-- Declared types, defaults, NOT NULL, AUTOINCREMENT, collations, generated columns, checks.
CREATE TABLE item (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL DEFAULT 'unnamed' COLLATE NOCASE,
    price NUMERIC(10, 2) DEFAULT 0 CHECK (price >= 0),
    qty INTEGER,
    total REAL GENERATED ALWAYS AS (price * qty) STORED,
    label TEXT AS (upper(name)),
    created TEXT DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT qty_positive CHECK (qty > 0)
);
CREATE TABLE graft_revisions (id TEXT PRIMARY KEY);
