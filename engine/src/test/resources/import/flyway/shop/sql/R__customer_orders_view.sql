DROP VIEW IF EXISTS customer_orders;
CREATE VIEW customer_orders AS SELECT c.name, o.status FROM customers c JOIN orders o ON o.customer_id = c.id;
