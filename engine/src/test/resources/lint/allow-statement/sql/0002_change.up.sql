-- graft:allow destructive-statement
DELETE FROM t;
TRUNCATE t; -- graft:allow destructive-statement
DROP TABLE t;
