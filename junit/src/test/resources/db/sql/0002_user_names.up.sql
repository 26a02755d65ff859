ALTER TABLE users ADD COLUMN name VARCHAR(200);
UPDATE users SET name = email;
