-- Views and indexes, with comments and semicolons in strings.
CREATE VIEW happy AS
    SELECT id, `first name` AS `name;`, 'it\'s; -- not a comment' AS quip,  -- a real comment;
           "# not a comment" AS quip2,   # a real comment;
           CASE WHEN score > 50 THEN 'high' ELSE 'low;' END AS band
    FROM `people;` WHERE mood = 'it''s happy';

CREATE OR REPLACE SQL SECURITY INVOKER VIEW `order;summary` (person, n, amount) AS
    SELECT person_id, COUNT(*), SUM(total) FROM orders GROUP BY person_id;

CREATE VIEW checked_orders AS SELECT id, person_id, status FROM orders WHERE status <> 'x;y'
    WITH CASCADED CHECK OPTION;

CREATE INDEX people_mood ON `people;` (mood);
CREATE UNIQUE INDEX `orders;status` ON orders (person_id, status, id);
CREATE INDEX people_name_prefix ON `people;` (`last``name`(10), `first name` DESC) COMMENT 'prefix; index';
ALTER TABLE audit ADD INDEX audit_what (what), ADD FULLTEXT INDEX audit_info (info);
