CREATE TABLE forgotten (id integer);
