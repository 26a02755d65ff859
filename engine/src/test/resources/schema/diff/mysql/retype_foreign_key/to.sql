CREATE TABLE parent (id bigint NOT NULL, PRIMARY KEY (id));
CREATE TABLE child (id int NOT NULL, parent_id bigint, note varchar(20), PRIMARY KEY (id),
    CONSTRAINT child_parent FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE CASCADE);
CREATE TABLE tag (id int NOT NULL, child_id int, PRIMARY KEY (id),
    CONSTRAINT tag_child FOREIGN KEY (child_id) REFERENCES child (id));
