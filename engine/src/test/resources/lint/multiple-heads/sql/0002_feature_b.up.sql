CREATE TABLE tb (id integer);
