-- users
INSERT INTO t VALUES ('café');
