-- AUTO_INCREMENT must be on the first column of a key while it is there: it comes off before its
-- key goes (ticket), and goes on after its new key is added (label, and line, whose key changes).
CREATE TABLE ticket (id int NOT NULL AUTO_INCREMENT, title varchar(20), PRIMARY KEY (id));
CREATE TABLE label (id int NOT NULL, name varchar(20));
CREATE TABLE line (id int NOT NULL AUTO_INCREMENT, part int NOT NULL, PRIMARY KEY (id, part));
INSERT INTO ticket (id, title) VALUES (1, 'a'), (2, 'b');
INSERT INTO label VALUES (1, 'x'), (2, 'y');
INSERT INTO line VALUES (1, 1), (2, 1);
