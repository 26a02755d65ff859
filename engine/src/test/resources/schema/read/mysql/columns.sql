-- Column types incl. unsigned, AUTO_INCREMENT, defaults, ON UPDATE, generated, charset/collation, comments.
CREATE TABLE item (
    id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name VARCHAR(80) NOT NULL DEFAULT 'unnamed' COMMENT 'Shown to buyers',
    code VARCHAR(10) CHARACTER SET ascii COLLATE ascii_bin,
    price DECIMAL(10,2) DEFAULT 0.00,
    qty SMALLINT,
    total DECIMAL(12,2) AS (price * qty) STORED,
    label VARCHAR(80) AS (UPPER(name)) VIRTUAL,
    flags SET('a','b'),
    kind ENUM('x','y') NOT NULL DEFAULT 'x',
    created TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated TIMESTAMP NULL DEFAULT NULL ON UPDATE CURRENT_TIMESTAMP
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='Things for sale';
CREATE TABLE memo (id INT PRIMARY KEY) ENGINE=MyISAM DEFAULT CHARSET=latin1;
CREATE TABLE graft_revisions (id VARCHAR(128) PRIMARY KEY);
