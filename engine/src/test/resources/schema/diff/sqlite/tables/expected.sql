-- DESTRUCTIVE: drop table gone
DROP TABLE gone;

-- create table pair
CREATE TABLE pair (
    a INTEGER NOT NULL,
    b TEXT NOT NULL,
    PRIMARY KEY (a, b)
) WITHOUT ROWID;

-- create table strict_one
CREATE TABLE strict_one (
    id INTEGER,
    n INT NOT NULL,
    k INTEGER,
    FOREIGN KEY (k) REFERENCES keep (id),
    PRIMARY KEY (id)
) STRICT;
