CREATE TABLE sale (id INTEGER PRIMARY KEY, amount INTEGER, updated TEXT);
CREATE VIEW big AS SELECT id, amount FROM sale WHERE amount > 100;
CREATE VIEW big_ids AS SELECT id FROM big;
CREATE TRIGGER sale_touch AFTER UPDATE ON sale BEGIN
    UPDATE sale SET updated = 'x' WHERE id = NEW.id;
END;
INSERT INTO sale VALUES (1, 150, NULL);
