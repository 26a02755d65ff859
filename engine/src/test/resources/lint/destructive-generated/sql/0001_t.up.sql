CREATE TABLE users (id integer PRIMARY KEY, name varchar(40), nick varchar(20), age integer CHECK (age > 0));
