-- Functions: a one-statement body without DELIMITER, CASE expressions, bodies under DELIMITER ;;
CREATE FUNCTION add_one(x INT) RETURNS INT DETERMINISTIC RETURN x + 1;

CREATE FUNCTION grade(score INT) RETURNS VARCHAR(5) DETERMINISTIC
    RETURN CASE WHEN score >= 90 THEN 'A;' WHEN score >= 80 THEN 'B' ELSE CASE WHEN score >= 50 THEN 'C' ELSE 'F' END END;

DELIMITER ;;
CREATE FUNCTION classify(n INT) RETURNS VARCHAR(30)
    DETERMINISTIC
    COMMENT 'stars; for numbers'
BEGIN
    DECLARE result VARCHAR(30) DEFAULT '';
    DECLARE i INT DEFAULT 0;
    IF n < 0 THEN
        RETURN 'negative; really';
    END IF;
    WHILE i < LEAST(n, 3) DO
        SET result = CONCAT(result, '*');
        SET i = i + 1;
    END WHILE;
    RETURN CASE WHEN result = '' THEN 'zero;' ELSE result END;
END;;
CREATE FUNCTION `quote;it`(s TEXT) RETURNS TEXT DETERMINISTIC
BEGIN
    # hash comment; in a body
    RETURN CONCAT('\'', REPLACE(s, '\'', '\\\''), '\'');
END ;;
DELIMITER ;
SELECT classify(5), `quote;it`('it\'s');
