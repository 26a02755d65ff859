CREATE TABLE book (
    id BIGINT NOT NULL PRIMARY KEY,
    title VARCHAR(300) NOT NULL,
    author_id BIGINT NOT NULL REFERENCES author (id)
);

CREATE INDEX book_author ON book (author_id);

INSERT INTO book (id, title, author_id) VALUES (1, 'The Dispossessed', 1);
INSERT INTO book (id, title, author_id) VALUES (2, 'Solaris', 2);
