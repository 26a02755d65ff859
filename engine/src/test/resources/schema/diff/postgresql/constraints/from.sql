CREATE TABLE parent (id integer PRIMARY KEY, code text, a integer, b integer);
CREATE TABLE child (
    id integer,
    parent_id integer,
    qty integer CONSTRAINT child_qty CHECK (qty > 0),
    area circle,
    CONSTRAINT child_parent FOREIGN KEY (parent_id) REFERENCES parent (id)
);
INSERT INTO parent VALUES (1, 'p', 1, 2);
INSERT INTO child VALUES (1, 1, 3, NULL);
