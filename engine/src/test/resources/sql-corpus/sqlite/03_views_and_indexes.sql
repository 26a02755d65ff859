-- Views (with CASE ... END outside any trigger), an INSTEAD OF trigger on a view, indexes.
CREATE VIEW happy AS
    SELECT id, [first name] AS "name;", 'it''s; -- not a comment' AS quip,
           CASE WHEN score > 50 THEN 'high' ELSE 'low;' END AS band   /* ; */
    FROM "people;" WHERE mood = 'it''s happy';

CREATE VIEW order_summary (person, n, amount) AS
    WITH RECURSIVE nums(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM nums WHERE n < 3)
    SELECT person_id, count(*), sum(total) FROM orders GROUP BY person_id;

CREATE TRIGGER happy_insert INSTEAD OF INSERT ON happy
BEGIN
    INSERT INTO "people;" ([first name], mood, score) VALUES (NEW."name;", 'it''s happy', CASE WHEN NEW.band = 'high' THEN 75 ELSE 25 END);
END;

CREATE INDEX people_mood ON "people;" (mood);
CREATE UNIQUE INDEX "orders;status" ON orders (person_id, status) WHERE status <> 'x;y';
CREATE INDEX people_lower ON "people;" (lower(`last;name`), [first name] COLLATE NOCASE DESC);
CREATE INDEX IF NOT EXISTS audit_what ON audit (what) WHERE what LIKE '%;%';
