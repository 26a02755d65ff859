-- users becomes people, its name full_name, orders.user_id person_id: renamed, not dropped.
CREATE TABLE people (id integer PRIMARY KEY, full_name text NOT NULL, email text UNIQUE);
CREATE TABLE orders (id integer PRIMARY KEY, person_id integer REFERENCES people (id), total numeric);
CREATE INDEX orders_user ON orders (person_id);
