-- A primary key added, a check changed and one added, foreign keys with actions added.
CREATE TABLE parent (id INT PRIMARY KEY, a INT, b INT, UNIQUE KEY parent_ab (a, b));
CREATE TABLE child (
    id INT NOT NULL PRIMARY KEY,
    parent_id INT,
    a INT,
    b INT,
    qty INT,
    CONSTRAINT child_qty CHECK (qty >= 0),
    CONSTRAINT child_small CHECK (qty < 1000),
    CONSTRAINT child_parent FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE CASCADE,
    CONSTRAINT child_ab FOREIGN KEY (a, b) REFERENCES parent (a, b) ON UPDATE CASCADE
) ENGINE=InnoDB;
