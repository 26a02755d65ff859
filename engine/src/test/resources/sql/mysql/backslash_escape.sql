INSERT INTO t VALUES ('it\'s; ok', 'back\\');
SELECT 2;
