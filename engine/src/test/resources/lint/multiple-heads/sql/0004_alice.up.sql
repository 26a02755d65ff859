CREATE TABLE tc (id integer);
