CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL, email text UNIQUE);
CREATE TABLE orders (id integer PRIMARY KEY, user_id integer REFERENCES users (id), total numeric);
CREATE INDEX orders_user ON orders (user_id);
INSERT INTO users VALUES (1, 'ann', 'a@x'), (2, 'bob', 'b@x');
INSERT INTO orders VALUES (10, 1, 5), (11, 2, 7);
