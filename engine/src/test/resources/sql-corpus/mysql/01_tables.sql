-- Tables: backticks, backslash escapes, "double-quoted strings", # and -- comments; each holds a ; on purpose;
# a hash comment; with 'an unclosed quote
/* a block comment; /* does not nest in MySQL, so this ends here: */
CREATE TABLE `people;` (
    id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    `first name` VARCHAR(50) NOT NULL DEFAULT 'Jo;hn',
    `last``name` VARCHAR(50) NOT NULL DEFAULT 'O\'Brien',   -- a backslash-escaped quote
    `begin` DATE NULL,  # columns named like block keywords
    `end` DATE NULL,
    `delimiter` VARCHAR(10) DEFAULT ';',
    mood ENUM('sad', 'ok;fine', 'it''s happy', '--not a comment', '#nor this', '/*nor this*/') DEFAULT 'ok;fine',
    note VARCHAR(100) DEFAULT "double \"quoted\"; string",
    path VARCHAR(100) DEFAULT 'C:\\temp\\x;y',
    full_name VARCHAR(101) GENERATED ALWAYS AS (CONCAT(`first name`, ' ', `last``name`)) VIRTUAL,
    score INT CHECK (score BETWEEN 0 AND 100),
    CONSTRAINT `dates;ordered` CHECK (`begin` IS NULL OR `end` IS NULL OR `begin` <= `end`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='People; it\'s a table';

CREATE TABLE orders (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    person_id INT UNSIGNED NOT NULL,
    total DECIMAL(10, 2) NOT NULL DEFAULT 0.00 COMMENT 'sum; in EUR',
    status VARCHAR(20) NOT NULL DEFAULT 'new;order',
    created TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    KEY orders_person (person_id),
    CONSTRAINT `orders;person` FOREIGN KEY (person_id) REFERENCES `people;` (id) ON DELETE CASCADE
) ENGINE=InnoDB;

CREATE TABLE audit (id INT AUTO_INCREMENT PRIMARY KEY, what VARCHAR(50), info TEXT, at DATETIME DEFAULT NOW()); CREATE TABLE t2 (a VARCHAR(20)); -- two on a line
CREATE TABLE minus_minus (a INT, b INT DEFAULT (1--1)
);
