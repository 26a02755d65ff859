-- +goose NO TRANSACTION
-- +goose Up
CREATE INDEX orders_customer ON orders (customer_id);

-- +goose Down
DROP INDEX orders_customer ON orders;
