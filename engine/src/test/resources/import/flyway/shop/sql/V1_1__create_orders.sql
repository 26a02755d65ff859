-- orders, with a status whose default comes from a placeholder
CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL,
    status VARCHAR(20) DEFAULT '${status_default}' NOT NULL
);
