CREATE TABLE item_tags (
    item_id INTEGER     NOT NULL REFERENCES items (id),
    tag     VARCHAR(50) NOT NULL,
    PRIMARY KEY (item_id, tag)
);
