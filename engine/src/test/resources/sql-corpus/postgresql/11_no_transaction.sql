-- corpus: transaction false
-- Runs with transaction: false: statements PostgreSQL refuses inside a transaction block.
CREATE INDEX CONCURRENTLY people_feeling_idx ON people (feeling);
CREATE INDEX CONCURRENTLY IF NOT EXISTS "items;qty" ON "Order Items" (qty) WHERE qty > 1;
VACUUM (ANALYZE) audit_log;
REFRESH MATERIALIZED VIEW mood_counts;
ALTER TYPE mood ADD VALUE IF NOT EXISTS 'added; later' AFTER 'sad';
