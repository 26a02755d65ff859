-- A partitioned table with partitions; its key and index are the parent's.
CREATE TABLE measure (id bigint NOT NULL, taken date NOT NULL, value numeric, PRIMARY KEY (id, taken)) PARTITION BY RANGE (taken);
CREATE TABLE measure_2024 PARTITION OF measure FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE measure_2025 PARTITION OF measure FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE INDEX measure_value ON measure (value);
CREATE UNLOGGED TABLE scratch (id integer);
