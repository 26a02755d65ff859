--liquibase formatted sql

--changeset bob:add-notes
ALTER TABLE orders ADD COLUMN notes VARCHAR(200);
--rollback ALTER TABLE orders DROP COLUMN notes;

--changeset bob:customer-orders-view runOnChange:true
DROP VIEW IF EXISTS customer_orders;
CREATE VIEW customer_orders AS
    SELECT c.id, c.name, COUNT(o.id) AS orders
    FROM customers c LEFT JOIN orders o ON o.customer_id = c.id
    GROUP BY c.id, c.name;
--rollback DROP VIEW customer_orders;

--changeset bob:index-orders-concurrently runInTransaction:false dbms:postgresql
CREATE INDEX CONCURRENTLY orders_customer ON orders (customer_id);
--rollback DROP INDEX CONCURRENTLY orders_customer;

--changeset bob:index-orders dbms:sqlite,mysql,mariadb
CREATE INDEX orders_customer ON orders (customer_id);

--changeset bob:seed context:demo labels:seed
INSERT INTO customers (id, name) VALUES (1, 'Ada');
--rollback DELETE FROM customers WHERE id = 1;
