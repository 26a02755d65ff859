CREATE TABLE a_child (
    id INTEGER,
    owner INTEGER,
    FOREIGN KEY (owner) REFERENCES b_owner (id)
);
CREATE TABLE b_owner (
    id INTEGER NOT NULL,
    name TEXT,
    PRIMARY KEY (id)
);
