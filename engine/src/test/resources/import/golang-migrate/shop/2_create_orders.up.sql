-- orders; one customer has many
CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    total DECIMAL(10, 2) NOT NULL,
    status VARCHAR(20) DEFAULT 'new' NOT NULL
);
