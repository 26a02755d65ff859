-- Tables dropped (one references the other), an extension dropped, tables created with foreign
-- keys among them and to a table that stays, a partitioned table with partitions, comments.
CREATE TABLE keep (id integer PRIMARY KEY);
CREATE TABLE a (id integer PRIMARY KEY, b_id integer, keep_id integer REFERENCES keep);
CREATE TABLE b (id integer PRIMARY KEY, a_id integer REFERENCES a);
ALTER TABLE a ADD CONSTRAINT a_b FOREIGN KEY (b_id) REFERENCES b;
CREATE TABLE measure (id bigint NOT NULL, taken date NOT NULL, PRIMARY KEY (id, taken)) PARTITION BY RANGE (taken);
CREATE TABLE measure_2025 PARTITION OF measure FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE INDEX measure_taken ON measure (taken);
COMMENT ON TABLE a IS 'the a';
COMMENT ON COLUMN a.b_id IS 'the b';
