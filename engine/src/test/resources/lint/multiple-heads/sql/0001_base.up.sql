CREATE TABLE t0 (id integer);
