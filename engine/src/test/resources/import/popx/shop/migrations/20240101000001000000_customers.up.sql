CREATE TABLE customers (
    id INTEGER PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    email VARCHAR(200)
);
CREATE UNIQUE INDEX customers_email_idx ON customers (email);
