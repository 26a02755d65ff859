CREATE TABLE item (
    id integer PRIMARY KEY,
    name varchar(40) NOT NULL,
    price integer DEFAULT 0,
    qty integer,
    note text,
    total integer GENERATED ALWAYS AS (price * 2) STORED,
    code integer,
    label text
);
COMMENT ON COLUMN item.note IS 'free text';
INSERT INTO item (id, name, price, qty, note, code, label) VALUES (1, 'a', 10, 1, 'x', 5, 'l'), (2, 'b', 20, NULL, NULL, 6, 'm');
