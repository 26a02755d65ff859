--liquibase formatted sql

--changeset dave:1
ALTER TABLE products ADD COLUMN price DECIMAL(10, 2);
--rollback ALTER TABLE products DROP COLUMN price;
