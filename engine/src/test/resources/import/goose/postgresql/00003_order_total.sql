-- The total of an order, kept by a trigger.
-- +goose Up
-- +goose StatementBegin
CREATE FUNCTION order_total() RETURNS trigger AS $$
BEGIN
    NEW.total := NEW.quantity * NEW.price;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
-- +goose StatementEnd
CREATE TRIGGER orders_total BEFORE INSERT OR UPDATE ON orders
    FOR EACH ROW EXECUTE FUNCTION order_total();

-- +goose Down
DROP TRIGGER orders_total ON orders;
-- +goose StatementBegin
DROP FUNCTION order_total();
-- +goose StatementEnd
