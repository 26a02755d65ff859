-- Two tables rebuilt, the first (by name) gaining a foreign key to a key the second gains: the
-- second is rebuilt first, so that the first one's PRAGMA foreign_key_check finds its key.
CREATE TABLE a_child (id INTEGER, owner INTEGER);
CREATE TABLE b_owner (id INTEGER NOT NULL, name TEXT);
INSERT INTO a_child VALUES (1, 1), (2, 2);
INSERT INTO b_owner VALUES (1, 'one'), (2, 'two');
