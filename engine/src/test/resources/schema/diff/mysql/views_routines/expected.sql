-- drop view big_ids
DROP VIEW `big_ids`;

-- drop view big
DROP VIEW `big`;

-- drop routine reset_all()
DROP PROCEDURE `reset_all`;

-- drop routine twice()
DROP FUNCTION `twice`;

-- create routine twice()
CREATE FUNCTION `twice`(x INT) RETURNS int(11)
    DETERMINISTIC
RETURN x + x;

-- create view big
CREATE VIEW `big` AS select `sale`.`id` AS `id`,`sale`.`amount` AS `amount` from `sale` where `sale`.`amount` > 200;

-- create view big_ids
CREATE VIEW `big_ids` AS select `big`.`id` AS `id` from `big`;

-- create trigger sale.sale_ins
DELIMITER //
CREATE TRIGGER `sale_ins` BEFORE INSERT ON `sale` FOR EACH ROW BEGIN SET NEW.updated = NOW(); SET NEW.amount = NEW.amount + 0; END//
DELIMITER ;

-- create trigger sale.sale_touch
CREATE TRIGGER `sale_touch` BEFORE UPDATE ON `sale` FOR EACH ROW SET NEW.updated = NOW();
