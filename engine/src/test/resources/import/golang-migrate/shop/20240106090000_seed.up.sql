INSERT INTO customers (id, name, email) VALUES (1, 'Ada; the first', 'ada@example.com');
INSERT INTO orders (id, customer_id, total) VALUES (1, 1, 9.99);
