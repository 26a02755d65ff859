-- Views depending on tables and on each other; a materialized view with an index.
CREATE TABLE sale (id integer PRIMARY KEY, amount numeric, region text);
CREATE VIEW big_sale AS SELECT id, amount FROM sale WHERE amount > 100;
CREATE VIEW big_sale_ids AS SELECT id FROM big_sale;
CREATE MATERIALIZED VIEW sale_by_region AS SELECT region, sum(amount) AS total FROM sale GROUP BY region;
CREATE UNIQUE INDEX sale_by_region_region ON sale_by_region (region);
COMMENT ON VIEW big_sale IS 'Over 100';
