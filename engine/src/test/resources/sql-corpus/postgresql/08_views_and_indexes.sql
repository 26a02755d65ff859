-- Views and indexes with comments and semicolons in strings, and a view body with every comment kind.
CREATE VIEW happy_people AS
    SELECT id,
           full_name AS "name;full",   -- a ; in a comment in a view
           'it''s; -- not a comment' AS quip,
           E'/* not a comment either */' AS quip2,
           $$;$$ AS semi
    FROM people
    /* where /* nested */ comment */
    WHERE feeling = 'it''s happy';

CREATE OR REPLACE VIEW "Item Totals" (order_id, n, amount) AS
SELECT "order id", count(*), sum(total) FROM "Order Items" GROUP BY "order id";

CREATE MATERIALIZED VIEW mood_counts AS
    SELECT feeling, count(*) AS n FROM people GROUP BY feeling
    WITH NO DATA;

CREATE VIEW recursive_nums (n) AS
    WITH RECURSIVE t(n) AS (VALUES (1) UNION ALL SELECT n + 1 FROM t WHERE n < 5)
    SELECT n FROM t;

CREATE INDEX people_last_name_idx ON people (lower(last_name));
CREATE UNIQUE INDEX "people;zip" ON people (zip) WHERE note <> 'x;y' AND zip IS NOT NULL;
CREATE INDEX items_meta_gin ON "Order Items" USING gin (meta jsonb_path_ops);
CREATE INDEX audit_recent ON audit_log (at DESC) INCLUDE (action) WHERE action <> 'it''s;odd';
CREATE INDEX mood_counts_idx ON mood_counts (feeling);
