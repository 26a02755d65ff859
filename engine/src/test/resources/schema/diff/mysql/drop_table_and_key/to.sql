CREATE TABLE parent (id int NOT NULL, code varchar(20));
