-- drop view big_ids
DROP VIEW big_ids;

-- drop view gone
DROP VIEW gone;

-- drop view big
DROP VIEW big;

-- alter column sale.amount
ALTER TABLE sale ALTER COLUMN amount TYPE bigint USING amount::bigint;

-- create view big
CREATE VIEW big AS
SELECT sale.id,
    sale.amount,
    sale.region
   FROM sale
  WHERE sale.amount > 200;

-- create view big_ids
CREATE VIEW big_ids AS
SELECT big.id
   FROM big;

-- create view by_region
CREATE MATERIALIZED VIEW by_region AS
SELECT sale.region,
    sum(sale.amount) AS total
   FROM sale
  GROUP BY sale.region;

-- create index by_region.by_region_region
CREATE UNIQUE INDEX by_region_region ON by_region USING btree (region);

-- comment by_region
COMMENT ON MATERIALIZED VIEW by_region IS 'totals';
