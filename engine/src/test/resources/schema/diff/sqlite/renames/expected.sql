-- rename table users to people
ALTER TABLE users RENAME TO people;

-- rename column orders.user_id to person_id
ALTER TABLE orders RENAME COLUMN user_id TO person_id;

-- rename column people.name to full_name
ALTER TABLE people RENAME COLUMN name TO full_name;
