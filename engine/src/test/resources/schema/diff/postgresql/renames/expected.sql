-- drop constraint orders.orders_user_id_fkey
ALTER TABLE orders DROP CONSTRAINT orders_user_id_fkey;

-- drop index orders.orders_user
DROP INDEX orders_user;

-- drop constraint users.users_pkey
ALTER TABLE users DROP CONSTRAINT users_pkey;

-- drop constraint users.users_email_key
ALTER TABLE users DROP CONSTRAINT users_email_key;

-- rename table users to people
ALTER TABLE users RENAME TO people;

-- rename column orders.user_id to person_id
ALTER TABLE orders RENAME COLUMN user_id TO person_id;

-- rename column people.name to full_name
ALTER TABLE people RENAME COLUMN name TO full_name;

-- create index orders.orders_user
CREATE INDEX orders_user ON orders USING btree (person_id);

-- add constraint people.people_pkey
ALTER TABLE people ADD CONSTRAINT people_pkey PRIMARY KEY (id);

-- add constraint people.people_email_key
ALTER TABLE people ADD CONSTRAINT people_email_key UNIQUE (email);

-- add constraint orders.orders_person_id_fkey
ALTER TABLE orders ADD CONSTRAINT orders_person_id_fkey FOREIGN KEY (person_id) REFERENCES people(id);
