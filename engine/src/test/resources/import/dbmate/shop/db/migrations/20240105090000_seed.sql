-- migrate:up
INSERT INTO customers (id, name, email) VALUES (1, 'Ada', 'ada@example.com');
INSERT INTO customers (id, name, email) VALUES (2, 'Grace; Hopper', NULL);

-- migrate:down
DELETE FROM customers WHERE id IN (1, 2);
