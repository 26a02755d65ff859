-- Customers of the shop.

-- +goose Up
CREATE TABLE customers (
    id INTEGER PRIMARY KEY,
    email VARCHAR(200) NOT NULL,
    name VARCHAR(200) NOT NULL
);
CREATE UNIQUE INDEX customers_email ON customers (email);

-- +goose Down
DROP TABLE customers;
