-- migrate:up
ALTER TABLE orders ADD COLUMN note VARCHAR(500);
CREATE VIEW customer_orders AS
    SELECT c.name, o.id AS order_id, o.status
    FROM customers c JOIN orders o ON o.customer_id = c.id;

-- migrate:down
DROP VIEW customer_orders;
ALTER TABLE orders DROP COLUMN note;
