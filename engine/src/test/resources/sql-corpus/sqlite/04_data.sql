-- Data with tricky strings, upserts and a trigger firing on them.
INSERT INTO "people;" ([first name], `last;name`, mood, score) VALUES
    ('Ann', 'Smith', 'ok;fine', 80),
    ('Bob', 'O''Neil', 'it''s happy', 20),
    ('Cy', 'Semi;colon', '--not a comment', NULL),
    ('Di', '/* not a comment */', '/*nor this*/', 51);
INSERT INTO orders (person_id, total, status) VALUES (1, 10.5, 'new;order'), (2, 3, 'paid');
INSERT INTO "kv""store" VALUES ('k;1', x'00ff3b'), ('k''2', 'text; value')
    ON CONFLICT (k) DO UPDATE SET v = excluded.v;
INSERT INTO "kv""store" VALUES ('k;1', 'replaced;') ON CONFLICT (k) DO UPDATE SET v = excluded.v WHERE excluded.v <> ';';
UPDATE "people;" SET mood = 'ok;fine' WHERE [first name] = 'Bob';
INSERT INTO lower_case (y) VALUES ('end'), ('begin;'), ('case');
UPDATE lower_case SET y = 'end' WHERE x = 3;
INSERT INTO transactions ("begin", "commit", [transaction]) VALUES (1, 2, 'begin transaction;');
INSERT INTO happy ("name;", band) VALUES ('Eve', 'high');
DELETE FROM "people;" WHERE [first name] = 'Cy';
REPLACE INTO t2 (a) VALUES ('end;'), ('BEGIN'), ('COMMIT;');
WITH src(a) AS (VALUES ('cte;1'), ('cte''2')) INSERT INTO t2 (a) SELECT a FROM src;
