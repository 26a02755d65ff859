-- The total of an order, kept by a trigger.
-- +goose Up
-- +goose StatementBegin
CREATE TRIGGER orders_total AFTER INSERT ON orders
BEGIN
    UPDATE orders SET total = NEW.quantity * NEW.price WHERE id = NEW.id;
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER orders_total;
