-- graft:allow-file destructive-statement
DELETE FROM t;

TRUNCATE t;
