INSERT INTO t VALUES ('line one;
line two;
line three');
SELECT 2;
