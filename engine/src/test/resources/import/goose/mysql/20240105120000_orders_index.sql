-- +goose NO TRANSACTION
-- +goose Up
-- price first: an index that could serve orders_customer_fk would take the place of the
-- foreign key's own index, and the down could not drop it
CREATE INDEX orders_customer ON orders (price, customer_id);

-- +goose Down
DROP INDEX orders_customer ON orders;
