CREATE TABLE old (id integer);
