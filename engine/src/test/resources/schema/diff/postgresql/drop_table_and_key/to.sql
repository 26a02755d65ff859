CREATE TABLE parent (id integer NOT NULL, code text);
