-- Composite keys, WITHOUT ROWID, STRICT, unique constraints, foreign keys with actions.
CREATE TABLE parent (a INTEGER, b TEXT, code TEXT UNIQUE, PRIMARY KEY (a, b)) WITHOUT ROWID;
CREATE TABLE child (
    id INTEGER PRIMARY KEY,
    a INTEGER,
    b TEXT,
    code TEXT REFERENCES parent (code) ON DELETE SET NULL,
    other INTEGER REFERENCES child,
    FOREIGN KEY (a, b) REFERENCES parent (a, b) ON DELETE CASCADE ON UPDATE RESTRICT,
    UNIQUE (a, b)
);
CREATE TABLE strict_one (id INTEGER PRIMARY KEY, n INT NOT NULL, t TEXT) STRICT;
-- Both options, in lower case, after a comment that names them; and a column called "as_of".
CREATE TABLE both_options (k TEXT PRIMARY KEY, as_of TEXT /* STRICT, WITHOUT ROWID */) strict, without rowid;
CREATE TABLE no_options (k TEXT PRIMARY KEY, v TEXT /* strict without rowid */);
