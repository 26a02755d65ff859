-- A table goes while the key its foreign key references goes too: the foreign key is dropped
-- first, then the key, then the table. Back, the key comes before the foreign key.
CREATE TABLE parent (id int PRIMARY KEY, code varchar(20), CONSTRAINT parent_code_key UNIQUE (code));
CREATE TABLE child (id int PRIMARY KEY, parent_id int, parent_code varchar(20),
    CONSTRAINT child_parent FOREIGN KEY (parent_id) REFERENCES parent (id),
    CONSTRAINT child_code FOREIGN KEY (parent_code) REFERENCES parent (code));
INSERT INTO parent VALUES (1, 'a'), (2, 'b');
INSERT INTO child VALUES (1, 1, 'a'), (2, 2, 'b');
