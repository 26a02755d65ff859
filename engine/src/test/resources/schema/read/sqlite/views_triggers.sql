-- Views (one on another) and triggers; a virtual table is listed as unknown.
CREATE TABLE sale (id INTEGER PRIMARY KEY, amount REAL, updated TEXT);
CREATE VIEW big_sale AS SELECT id, amount FROM sale WHERE amount > 100;
CREATE VIEW big_sale_ids AS SELECT id FROM big_sale;
CREATE TRIGGER sale_touch AFTER UPDATE ON sale BEGIN
    UPDATE sale SET updated = CURRENT_TIMESTAMP WHERE id = NEW.id;
END;
CREATE VIRTUAL TABLE notes USING fts5(body);
