ALTER TABLE users ADD COLUMN email text NOT NULL DEFAULT '';
-- indexes come later
