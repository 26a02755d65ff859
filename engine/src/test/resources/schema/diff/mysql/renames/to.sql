-- A table and a column renamed (RENAME TABLE, RENAME COLUMN).
CREATE TABLE people (id INT PRIMARY KEY, full_name VARCHAR(20) NOT NULL);
CREATE TABLE orders (id INT PRIMARY KEY, user_id INT, CONSTRAINT orders_user FOREIGN KEY (user_id) REFERENCES people (id));
