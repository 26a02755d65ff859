CREATE TABLE ta (id integer);
