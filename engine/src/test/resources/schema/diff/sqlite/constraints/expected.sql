-- rebuild table parent (SQLite cannot add or drop a constraint)
-- graft:allow down-keeps-table (renamed below)
CREATE TABLE parent_graft_new (
    id INTEGER,
    code TEXT,
    PRIMARY KEY (id),
    UNIQUE (code)
);
INSERT INTO parent_graft_new (id, code) SELECT id, code FROM parent;
-- graft:allow destructive-statement (the rows were copied above)
DROP TABLE parent;
ALTER TABLE parent_graft_new RENAME TO parent;
PRAGMA foreign_key_check(parent);

-- rebuild table child (SQLite cannot add or drop a constraint)
-- graft:allow down-keeps-table (renamed below)
CREATE TABLE child_graft_new (
    id INTEGER,
    parent_id INTEGER,
    qty INTEGER,
    CHECK (qty > 0),
    FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE CASCADE,
    PRIMARY KEY (id),
    UNIQUE (parent_id, qty)
);
INSERT INTO child_graft_new (id, parent_id, qty) SELECT id, parent_id, qty FROM child;
-- graft:allow destructive-statement (the rows were copied above)
DROP TABLE child;
ALTER TABLE child_graft_new RENAME TO child;
PRAGMA foreign_key_check(child);
