-- A primary key and unique keys added, a foreign key's actions changed and one added
-- (deferrable), a check changed, an exclusion constraint added.
CREATE TABLE parent (id integer PRIMARY KEY, code text UNIQUE, a integer, b integer, CONSTRAINT parent_ab UNIQUE (a, b));
CREATE TABLE child (
    id integer PRIMARY KEY,
    parent_id integer,
    qty integer CONSTRAINT child_qty CHECK (qty >= 0),
    area circle,
    CONSTRAINT child_parent FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE CASCADE,
    CONSTRAINT child_code FOREIGN KEY (parent_id) REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT child_area EXCLUDE USING gist (area WITH &&)
);
