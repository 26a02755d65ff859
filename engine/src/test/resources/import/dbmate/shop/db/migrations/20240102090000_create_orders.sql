-- migrate:up
CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    status VARCHAR(20) DEFAULT 'new' NOT NULL,
    total DECIMAL(10, 2)
);
CREATE INDEX orders_customer ON orders (customer_id);

-- migrate:down
DROP TABLE orders;
