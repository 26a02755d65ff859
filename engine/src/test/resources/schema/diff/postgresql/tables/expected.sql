-- drop constraint old_child.old_child_p_fkey
ALTER TABLE old_child DROP CONSTRAINT old_child_p_fkey;

-- DESTRUCTIVE: drop table old_child
DROP TABLE old_child;

-- DESTRUCTIVE: drop table old_parent
DROP TABLE old_parent;

-- create table a
CREATE TABLE a (
    id integer NOT NULL,
    b_id integer,
    keep_id integer,
    CONSTRAINT a_pkey PRIMARY KEY (id)
);

-- comment a
COMMENT ON TABLE a IS 'the a';

-- comment a
COMMENT ON COLUMN a.b_id IS 'the b';

-- create table b
CREATE TABLE b (
    id integer NOT NULL,
    a_id integer,
    CONSTRAINT b_pkey PRIMARY KEY (id)
);

-- create table measure
CREATE TABLE measure (
    id bigint NOT NULL,
    taken date NOT NULL,
    CONSTRAINT measure_pkey PRIMARY KEY (id, taken)
) PARTITION BY RANGE (taken);

-- create table measure_2025
CREATE TABLE measure_2025 PARTITION OF measure FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

-- create index measure.measure_taken
CREATE INDEX measure_taken ON measure USING btree (taken);

-- add constraint a.a_b
ALTER TABLE a ADD CONSTRAINT a_b FOREIGN KEY (b_id) REFERENCES b(id);

-- add constraint a.a_keep_id_fkey
ALTER TABLE a ADD CONSTRAINT a_keep_id_fkey FOREIGN KEY (keep_id) REFERENCES keep(id);

-- add constraint b.b_a_id_fkey
ALTER TABLE b ADD CONSTRAINT b_a_id_fkey FOREIGN KEY (a_id) REFERENCES a(id);

-- drop extension citext
DROP EXTENSION citext;
