CREATE TABLE invoices (
    id         INTEGER       NOT NULL PRIMARY KEY,
    account_id INTEGER       NOT NULL REFERENCES accounts (id),
    amount     DECIMAL(12,2) NOT NULL
);
