-- A view changed (its dependent created again), a function changed, a procedure dropped,
-- triggers created.
CREATE TABLE sale (id INT PRIMARY KEY, amount INT, updated DATETIME);
CREATE VIEW big AS SELECT id, amount FROM sale WHERE amount > 200;
CREATE VIEW big_ids AS SELECT id FROM big;
CREATE FUNCTION twice(x INT) RETURNS INT DETERMINISTIC RETURN x + x;
CREATE TRIGGER sale_touch BEFORE UPDATE ON sale FOR EACH ROW SET NEW.updated = NOW();
DELIMITER //
CREATE TRIGGER sale_ins BEFORE INSERT ON sale FOR EACH ROW BEGIN SET NEW.updated = NOW(); SET NEW.amount = NEW.amount + 0; END//
DELIMITER ;
