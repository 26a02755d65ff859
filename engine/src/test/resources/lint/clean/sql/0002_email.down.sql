ALTER TABLE users DROP COLUMN email; -- graft:allow destructive-statement
