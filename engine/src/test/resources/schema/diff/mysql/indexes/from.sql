CREATE TABLE doc (id INT PRIMARY KEY, title VARCHAR(200), body TEXT, owner INT, KEY doc_title (title), KEY doc_owner (owner));
INSERT INTO doc VALUES (1, 't', 'b', 1);
