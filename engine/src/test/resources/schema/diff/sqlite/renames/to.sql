-- Renames by ALTER TABLE: a table and columns, referenced by a foreign key and an index.
CREATE TABLE people (id INTEGER PRIMARY KEY, full_name TEXT NOT NULL);
CREATE TABLE orders (id INTEGER PRIMARY KEY, person_id INTEGER REFERENCES people (id));
CREATE INDEX orders_user ON orders (person_id);
