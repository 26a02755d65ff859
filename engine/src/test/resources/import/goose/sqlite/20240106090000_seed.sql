-- +goose Up
INSERT INTO customers (email, name)
VALUES ('ann@example.com', 'Ann; the first'),
       ('bob@example.com', 'Bob');
CREATE VIEW customer_orders AS
    SELECT c.email, COUNT(o.id) AS orders
    FROM customers c LEFT JOIN orders o ON o.customer_id = c.id
    GROUP BY c.email;

-- +goose Down
DROP VIEW customer_orders;
DELETE FROM customers;
