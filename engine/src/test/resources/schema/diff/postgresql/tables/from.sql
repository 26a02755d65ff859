CREATE EXTENSION citext;
CREATE TABLE keep (id integer PRIMARY KEY);
CREATE TABLE old_parent (id integer PRIMARY KEY);
CREATE TABLE old_child (id integer PRIMARY KEY, p integer REFERENCES old_parent);
INSERT INTO keep VALUES (1);
