-- The table is rebuilt (a column's type changes): its views and triggers are created again;
-- a view changes and a trigger is added.
CREATE TABLE sale (id INTEGER PRIMARY KEY, amount REAL, updated TEXT);
CREATE VIEW big AS SELECT id, amount FROM sale WHERE amount > 200;
CREATE VIEW big_ids AS SELECT id FROM big;
CREATE TRIGGER sale_touch AFTER UPDATE ON sale BEGIN
    UPDATE sale SET updated = 'x' WHERE id = NEW.id;
END;
CREATE TRIGGER sale_ins AFTER INSERT ON sale BEGIN
    UPDATE sale SET updated = 'new' WHERE id = NEW.id;
END;
