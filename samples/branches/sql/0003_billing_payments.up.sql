CREATE TABLE payments (
    id         INTEGER       NOT NULL PRIMARY KEY,
    invoice_id INTEGER       NOT NULL REFERENCES invoices (id),
    paid       DECIMAL(12,2) NOT NULL
);
