CREATE TABLE t (a int, b text);
COPY t (a, b) FROM stdin;
1	it's; fine
2	\N
\.
SELECT count(*) FROM t;
