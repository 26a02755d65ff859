-- Procedures under DELIMITER: IF, LOOP, WHILE, REPEAT, CASE, labels, handlers, cursors.
DELIMITER $$
CREATE PROCEDURE fill_audit(IN n INT)
BEGIN
    DECLARE i INT DEFAULT 0;   -- ; in a comment
    DECLARE msg VARCHAR(50) DEFAULT 'step; ';
    fill: LOOP
        SET i = i + 1;
        IF i > n THEN
            LEAVE fill;
        ELSEIF i = 2 THEN
            ITERATE fill;
        END IF;
        INSERT INTO audit (what, info) VALUES ('fill', CONCAT(msg, i, '\'s;'));
    END LOOP fill;
    WHILE i > 0 DO
        SET i = i - 1;
    END WHILE;
    REPEAT
        SET i = i + 1;
    UNTIL i >= 2 END REPEAT;
    CASE i
        WHEN 2 THEN SET msg = 'two; done';
        ELSE BEGIN END;
    END CASE;
END$$

CREATE PROCEDURE `weird;proc`(OUT total INT)
    COMMENT 'It\'s a proc; with END; in its comment'
BEGIN
    DECLARE done INT DEFAULT FALSE;
    DECLARE v INT;
    DECLARE cur CURSOR FOR SELECT id FROM `people;`;
    DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = TRUE;
    SET total = 0;
    OPEN cur;
    read_loop: LOOP
        FETCH cur INTO v;
        IF done THEN LEAVE read_loop; END IF;
        SET total = total + v;
    END LOOP;
    CLOSE cur;
    /* nested block: */
    inner_block: BEGIN
        DECLARE x VARCHAR(10) DEFAULT "end;";
        SELECT x INTO @ignored;
    END inner_block;
END $$
DELIMITER ;

delimiter //
create procedure lower_case_proc()
begin
    if (select count(*) from audit) > 100 then
        delete from audit where what = 'end if;';
    end if;
    select 'begin; end' as `end`;
end//
delimiter ;
CALL fill_audit(3);
