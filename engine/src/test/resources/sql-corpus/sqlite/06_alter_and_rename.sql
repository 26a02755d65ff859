-- ALTER TABLE: SQLite rewrites the stored CREATE text, so both runs must send the same text.
ALTER TABLE audit ADD COLUMN "source;" TEXT DEFAULT 'alter; ''added''';
ALTER TABLE t2 RENAME TO "t2;renamed";
ALTER TABLE "t2;renamed" RENAME COLUMN a TO "a;b";
ALTER TABLE lower_case ADD COLUMN z TEXT DEFAULT 'begin;end' CHECK (z <> 'END;');
ALTER TABLE "kv""store" RENAME COLUMN v TO [value];
DROP VIEW order_summary;
CREATE VIEW order_summary AS SELECT person_id, sum(total) AS "sum;" FROM orders GROUP BY person_id;
ALTER TABLE transactions DROP COLUMN [transaction];
