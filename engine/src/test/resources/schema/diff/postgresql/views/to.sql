-- A view changed (its dependent view is dropped and created again), a column that a view reads
-- changes type, a view dropped, a materialized view with an index and a comment added.
CREATE TABLE sale (id integer PRIMARY KEY, amount bigint, region text);
CREATE VIEW big AS SELECT id, amount, region FROM sale WHERE amount > 200;
CREATE VIEW big_ids AS SELECT id FROM big;
CREATE MATERIALIZED VIEW by_region AS SELECT region, sum(amount) AS total FROM sale GROUP BY region;
CREATE UNIQUE INDEX by_region_region ON by_region (region);
COMMENT ON MATERIALIZED VIEW by_region IS 'totals';
