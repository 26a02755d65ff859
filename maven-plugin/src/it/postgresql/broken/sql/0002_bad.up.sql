-- the second statement names a column that does not exist
INSERT INTO ok (id) VALUES (1);
UPDATE ok SET missing_column = 2;
