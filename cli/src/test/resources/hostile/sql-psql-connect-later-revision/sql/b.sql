CREATE TABLE t_b (n INTEGER);
  \connect prod
