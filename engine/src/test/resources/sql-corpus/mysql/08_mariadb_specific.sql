-- MariaDB: sequences, BEGIN NOT ATOMIC blocks under DELIMITER, system-versioned tables, events.
CREATE SEQUENCE `ticket;seq` START WITH 100 INCREMENT BY 5;
CREATE TABLE versioned (id INT PRIMARY KEY, v VARCHAR(20) DEFAULT 'v;1') WITH SYSTEM VERSIONING;

DELIMITER //
BEGIN NOT ATOMIC
    DECLARE n INT DEFAULT 0;
    WHILE n < 3 DO
        INSERT INTO versioned (id, v) VALUES (n, CONCAT('row;', n));
        SET n = n + 1;
    END WHILE;
END //
DELIMITER ;

CREATE EVENT `nightly;cleanup` ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 00:00:00' DISABLE
    COMMENT 'cleans; up'
    DO DELETE FROM audit WHERE what = 'old;';

DELIMITER $$
CREATE EVENT weekly ON SCHEDULE EVERY 1 WEEK STARTS '2030-01-01 00:00:00' DISABLE DO
BEGIN
    DELETE FROM audit WHERE at < NOW() - INTERVAL 1 YEAR;
    INSERT INTO audit (what) VALUES ('weekly; ran');
END$$
DELIMITER ;
CREATE OR REPLACE TABLE replaced (a INT DEFAULT 1, b JSON CHECK (JSON_VALID(b)));
INSERT INTO replaced (b) VALUES ('{"k": "v;w", "q": "it\'s"}');
