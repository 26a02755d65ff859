--liquibase formatted sql

--changeset alice:1
--comment: customers and their orders
CREATE TABLE customers (
    id INTEGER PRIMARY KEY,
    name VARCHAR(100) NOT NULL
);
--rollback DROP TABLE customers;

--changeset alice:2
-- every order belongs to a customer
CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    total DECIMAL(10, 2) NOT NULL
);
/* liquibase rollback
DROP TABLE orders;
*/
