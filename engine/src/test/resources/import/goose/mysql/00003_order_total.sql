-- The total of an order, kept by a trigger.
-- +goose Up
-- +goose StatementBegin
CREATE TRIGGER orders_total BEFORE INSERT ON orders
FOR EACH ROW
BEGIN
    IF NEW.quantity < 0 THEN
        SET NEW.quantity = 0;
    END IF;
    SET NEW.total = NEW.quantity * NEW.price;
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER orders_total;
