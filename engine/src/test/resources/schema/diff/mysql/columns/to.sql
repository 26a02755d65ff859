-- MODIFY COLUMN for type, NOT NULL, default, ON UPDATE, AUTO_INCREMENT, collation, comment;
-- a column dropped, generated columns added; the table's engine, charset and comment.
CREATE TABLE item (
    id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name VARCHAR(80) NULL COMMENT 'the name',
    price BIGINT NOT NULL DEFAULT 5,
    updated TIMESTAMP NULL DEFAULT NULL ON UPDATE CURRENT_TIMESTAMP,
    code VARCHAR(10) CHARACTER SET ascii COLLATE ascii_bin,
    twice BIGINT AS (price * 2) STORED,
    half BIGINT AS (price / 2) VIRTUAL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3 COMMENT='things';
