DELETE FROM orders WHERE customer_id = 1;
DELETE FROM customers WHERE id = 1;
