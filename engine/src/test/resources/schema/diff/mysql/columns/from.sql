CREATE TABLE item (
    id INT NOT NULL PRIMARY KEY,
    name VARCHAR(40) NOT NULL,
    price INT DEFAULT 0,
    note TEXT,
    updated TIMESTAMP NULL,
    code VARCHAR(10)
) ENGINE=InnoDB;
INSERT INTO item (id, name, price, note, code) VALUES (1, 'a', 10, 'x', 'c'), (2, 'b', 20, NULL, NULL);
