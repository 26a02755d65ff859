CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id));
CREATE INDEX orders_user ON orders (user_id);
INSERT INTO users VALUES (1, 'ann');
INSERT INTO orders VALUES (1, 1);
