INSERT INTO t VALUES ('O''Brien; Jr');
