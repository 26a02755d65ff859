-- Tables dropped (one references the other); tables created with foreign keys among them.
CREATE TABLE keep (id INT PRIMARY KEY);
CREATE TABLE a (id INT PRIMARY KEY, b_id INT, keep_id INT, CONSTRAINT a_keep FOREIGN KEY (keep_id) REFERENCES keep (id)) ENGINE=InnoDB COMMENT='the a';
CREATE TABLE b (id INT PRIMARY KEY, a_id INT, CONSTRAINT b_a FOREIGN KEY (a_id) REFERENCES a (id));
ALTER TABLE a ADD CONSTRAINT a_b FOREIGN KEY (b_id) REFERENCES b (id);
