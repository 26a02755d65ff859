-- Triggers: a single-statement body without DELIMITER, BEGIN ... END bodies with IF and SIGNAL.
CREATE TRIGGER people_ai AFTER INSERT ON `people;` FOR EACH ROW
    INSERT INTO audit (what, info) VALUES ('insert;', NEW.`first name`);

CREATE TRIGGER orders_bi_first BEFORE INSERT ON orders FOR EACH ROW SET NEW.total = ABS(NEW.total);
# ; in a comment on a line of its own: the mariadb client would send a comment after the ; on the same line with the statement

DELIMITER $$
CREATE TRIGGER `people;bu` BEFORE UPDATE ON `people;` FOR EACH ROW
BEGIN
    IF NEW.mood = 'sad' AND OLD.mood <> 'sad' THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'blocked; it\'s sad';
    END IF;
    IF NEW.score IS NOT NULL THEN
        SET NEW.score = CASE WHEN NEW.score > 100 THEN 100 ELSE NEW.score END;
    END IF;
    SET NEW.`end` = NEW.`begin`;
END$$
CREATE TRIGGER orders_bi BEFORE INSERT ON orders FOR EACH ROW
FOLLOWS orders_bi_first
BEGIN
    DECLARE n INT;
    SELECT COUNT(*) INTO n FROM `people;` WHERE id = NEW.person_id;
    CASE WHEN n = 0 THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'no person; refused';
         ELSE SET NEW.status = IF(NEW.status = '', 'new;order', NEW.status);
    END CASE;
END$$
DELIMITER ;
