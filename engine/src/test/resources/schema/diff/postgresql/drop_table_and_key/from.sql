-- A table goes while the key its foreign key references goes too: the foreign key is dropped
-- first, then the key, then the table. Back, the key comes before the foreign key.
CREATE TABLE parent (id integer PRIMARY KEY, code text CONSTRAINT parent_code_key UNIQUE);
CREATE TABLE child (id integer PRIMARY KEY, parent_id integer REFERENCES parent (id),
    parent_code text REFERENCES parent (code));
INSERT INTO parent VALUES (1, 'a'), (2, 'b');
INSERT INTO child VALUES (1, 1, 'a'), (2, 2, 'b');
