ALTER TABLE users ADD COLUMN age integer CHECK (age > 0);
ALTER TABLE users ALTER COLUMN name TYPE varchar(40);
ALTER TABLE users ALTER COLUMN nick TYPE varchar(20);
