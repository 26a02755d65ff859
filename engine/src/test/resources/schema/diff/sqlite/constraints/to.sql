-- Keys, unique, checks and foreign keys added: rebuilds.
CREATE TABLE parent (id INTEGER PRIMARY KEY, code TEXT UNIQUE);
CREATE TABLE child (
    id INTEGER PRIMARY KEY,
    parent_id INTEGER REFERENCES parent (id) ON DELETE CASCADE,
    qty INTEGER CHECK (qty > 0),
    UNIQUE (parent_id, qty)
);
