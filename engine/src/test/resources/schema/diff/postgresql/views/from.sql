CREATE TABLE sale (id integer PRIMARY KEY, amount integer, region text);
CREATE VIEW big AS SELECT id, amount FROM sale WHERE amount > 100;
CREATE VIEW big_ids AS SELECT id FROM big;
CREATE VIEW gone AS SELECT 1 AS one;
INSERT INTO sale VALUES (1, 150, 'n');
