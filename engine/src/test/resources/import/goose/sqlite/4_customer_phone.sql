-- +goose Up
ALTER TABLE customers ADD COLUMN phone VARCHAR(40);

-- +goose Down
ALTER TABLE customers DROP COLUMN phone;
