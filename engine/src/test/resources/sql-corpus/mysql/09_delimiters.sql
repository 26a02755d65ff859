-- DELIMITER changes: several delimiters in turn, plain statements under a custom one, END right before it.
DELIMITER //
CREATE TABLE under_slashes (a INT, b VARCHAR(10) DEFAULT '//')//
INSERT INTO under_slashes VALUES (1, 'x;y') //
CREATE PROCEDURE p_slashes() BEGIN SELECT '//' AS s; END//
DELIMITER $$
CREATE FUNCTION f_dollar() RETURNS INT DETERMINISTIC BEGIN RETURN 1; END$$
CREATE PROCEDURE p_dollar()
BEGIN
    DECLARE CONTINUE HANDLER FOR SQLEXCEPTION BEGIN END;
    label1: BEGIN
        SELECT 'a$$b' INTO @x;
    END label1;
END$$
DELIMITER ;;
CREATE PROCEDURE p_semis() BEGIN SELECT 1; SELECT 2; END;;
DELIMITER ;
CREATE TABLE after_delimiters (`delimiter` INT);
delimiter $
CREATE PROCEDURE p_single_dollar() BEGIN INSERT INTO after_delimiters VALUES (1); END$
delimiter ;
CALL p_single_dollar();
