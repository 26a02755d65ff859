-- Views, triggers, a function and a procedure.
CREATE TABLE sale (id INT PRIMARY KEY, amount DECIMAL(10,2), updated DATETIME);
CREATE VIEW big_sale AS SELECT id, amount FROM sale WHERE amount > 100;
CREATE VIEW big_sale_ids AS SELECT id FROM big_sale;
CREATE TRIGGER sale_touch BEFORE UPDATE ON sale FOR EACH ROW SET NEW.updated = NOW();
CREATE FUNCTION twice(x INT) RETURNS INT DETERMINISTIC RETURN x * 2;
DELIMITER //
CREATE PROCEDURE reset_all() BEGIN UPDATE sale SET amount = 0; END//
DELIMITER ;
