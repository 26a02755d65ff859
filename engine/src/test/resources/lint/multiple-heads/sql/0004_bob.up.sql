CREATE TABLE td (id integer);
