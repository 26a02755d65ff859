-- Keys, prefix and fulltext indexes, foreign keys with actions, checks.
CREATE TABLE parent (id INT PRIMARY KEY, code VARCHAR(20) UNIQUE, a INT, b INT, UNIQUE KEY parent_ab (a, b));
CREATE TABLE child (
    id INT,
    parent_id INT,
    code VARCHAR(20),
    a INT,
    b INT,
    note TEXT,
    qty INT CHECK (qty > 0),
    PRIMARY KEY (id),
    KEY child_note (note(20)),
    KEY child_a_desc (a DESC, b),
    FULLTEXT KEY child_note_ft (note),
    CONSTRAINT child_parent FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE CASCADE,
    CONSTRAINT child_ab FOREIGN KEY (a, b) REFERENCES parent (a, b) ON UPDATE SET NULL,
    CONSTRAINT child_sane CHECK (qty < 1000 OR id > 0)
) ENGINE=InnoDB;
