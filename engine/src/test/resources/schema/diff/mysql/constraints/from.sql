CREATE TABLE parent (id INT PRIMARY KEY, a INT, b INT, UNIQUE KEY parent_ab (a, b));
CREATE TABLE child (id INT NOT NULL, parent_id INT, a INT, b INT, qty INT, CONSTRAINT child_qty CHECK (qty > 0)) ENGINE=InnoDB;
INSERT INTO parent VALUES (1, 1, 2);
INSERT INTO child VALUES (1, 1, 1, 2, 3);
