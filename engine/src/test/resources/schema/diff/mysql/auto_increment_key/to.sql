CREATE TABLE ticket (id int NOT NULL, title varchar(20));
CREATE TABLE label (id int NOT NULL AUTO_INCREMENT, name varchar(20), PRIMARY KEY (id));
CREATE TABLE line (id int NOT NULL AUTO_INCREMENT, part int NOT NULL, PRIMARY KEY (id));
