-- +goose up
ALTER TABLE customers ADD COLUMN phone VARCHAR(40);

-- +goose down
ALTER TABLE customers DROP COLUMN phone;
