-- drop trigger sale.sale_touch
DROP TRIGGER sale_touch;

-- drop view big_ids
DROP VIEW big_ids;

-- drop view big
DROP VIEW big;

-- DESTRUCTIVE: rebuild table sale (SQLite cannot alter column amount)
-- graft:allow down-keeps-table (renamed below)
CREATE TABLE sale_graft_new (
    id INTEGER,
    amount REAL,
    updated TEXT,
    PRIMARY KEY (id)
);
INSERT INTO sale_graft_new (id, amount, updated) SELECT id, amount, updated FROM sale;
-- graft:allow destructive-statement (the rows were copied above)
DROP TABLE sale;
ALTER TABLE sale_graft_new RENAME TO sale;
PRAGMA foreign_key_check(sale);

-- create view big
CREATE VIEW big AS SELECT id, amount FROM sale WHERE amount > 200;

-- create view big_ids
CREATE VIEW big_ids AS SELECT id FROM big;

-- create trigger sale.sale_ins
CREATE TRIGGER sale_ins AFTER INSERT ON sale BEGIN
    UPDATE sale SET updated = 'new' WHERE id = NEW.id;
END;

-- create trigger sale.sale_touch
CREATE TRIGGER sale_touch AFTER UPDATE ON sale BEGIN
    UPDATE sale SET updated = 'x' WHERE id = NEW.id;
END;
