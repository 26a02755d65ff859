-- migrate:up
CREATE TABLE customers (
    id INTEGER PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    email VARCHAR(200)
);

-- migrate:down
DROP TABLE customers;
