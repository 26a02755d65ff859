-- rebuild table b_owner (SQLite cannot add or drop a constraint)
-- graft:allow down-keeps-table (renamed below)
CREATE TABLE b_owner_graft_new (
    id INTEGER NOT NULL,
    name TEXT,
    PRIMARY KEY (id)
);
INSERT INTO b_owner_graft_new (id, name) SELECT id, name FROM b_owner;
-- graft:allow destructive-statement (the rows were copied above)
DROP TABLE b_owner;
ALTER TABLE b_owner_graft_new RENAME TO b_owner;
PRAGMA foreign_key_check(b_owner);

-- rebuild table a_child (SQLite cannot add or drop a constraint)
-- graft:allow down-keeps-table (renamed below)
CREATE TABLE a_child_graft_new (
    id INTEGER,
    owner INTEGER,
    FOREIGN KEY (owner) REFERENCES b_owner (id)
);
INSERT INTO a_child_graft_new (id, owner) SELECT id, owner FROM a_child;
-- graft:allow destructive-statement (the rows were copied above)
DROP TABLE a_child;
ALTER TABLE a_child_graft_new RENAME TO a_child;
PRAGMA foreign_key_check(a_child);
