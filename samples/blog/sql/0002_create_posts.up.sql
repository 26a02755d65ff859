CREATE TABLE posts (
    id        INTEGER      NOT NULL PRIMARY KEY,
    author_id INTEGER      NOT NULL REFERENCES users (id),
    title     VARCHAR(200) NOT NULL,
    body      TEXT
);

/* Posts are listed per author. */
CREATE INDEX posts_author_idx ON posts (author_id);
