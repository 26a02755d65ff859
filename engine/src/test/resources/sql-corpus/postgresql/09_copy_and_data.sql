-- COPY FROM stdin with inline data (tabs, \N, escapes, lines that look like SQL), then INSERTs.
COPY people ("first;name", last_name, feeling, note, zip) FROM stdin;
Ann	Smith	ok;fine	a note; with semicolons	12345
Bob	O'Neil	it's happy	\N	\N
Cy	Tab\there	sad	DROP TABLE people; -- not SQL, data	54321-1234
Di	Back\\slash	$$	/* looks like a comment	\N
\.

COPY "Order Items" ("order id", "item#", qty, unit_price, tags) FROM stdin WITH (FORMAT csv, HEADER true, QUOTE '"');
order id,item#,qty,unit_price,tags
1,1,2,9.99,"{""a;b"",c}"
1,2,1,0.50,{}
2,1,3,1.25,"{x}"
\.
INSERT INTO people ("first;name", last_name, feeling, note, zip) VALUES
    ('Eve', 'semi;colon', 'it''s happy', E'line\nbreak; \'quoted\'', NULL),
    ('Fay', $$dollar 'quoted'; name$$, '--not a comment', U&'\0441\043B\043E\0432\043E', '22222'),
    ('Gus', 'O''Hara', '/*nor this*/', '-- /* */ ;', '33333');
UPDATE people SET "begin" = DATE '2020-01-01', "end" = DATE '2021-01-01' WHERE last_name = 'Smith';
DELETE FROM people WHERE last_name = 'O''Hara';
INSERT INTO "Order Items" VALUES (3, 1, 1, 2.00, DEFAULT, DEFAULT, DEFAULT, 'x;y');
