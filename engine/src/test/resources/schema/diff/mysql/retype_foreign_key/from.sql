-- Both ends of a foreign key change type: MariaDB will not change a column that a foreign key
-- uses, so the foreign key is dropped first and added again after.
CREATE TABLE parent (id int NOT NULL, PRIMARY KEY (id));
CREATE TABLE child (id int NOT NULL, parent_id int, note varchar(20), PRIMARY KEY (id),
    CONSTRAINT child_parent FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE CASCADE);
INSERT INTO parent VALUES (1), (2);
INSERT INTO child VALUES (1, 1, 'a'), (2, 2, 'b');
-- The foreign key of tag uses the unique index that goes: it is dropped and added again, and
-- gets an index of its own.
CREATE TABLE tag (id int NOT NULL, child_id int, PRIMARY KEY (id), CONSTRAINT tag_child_key UNIQUE (child_id),
    CONSTRAINT tag_child FOREIGN KEY (child_id) REFERENCES child (id));
INSERT INTO tag VALUES (1, 1);
