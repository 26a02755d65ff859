-- Semicolons and quotes inside strings do not end a statement.
INSERT INTO users (id, email, name) VALUES (1, 'admin@example.com', 'The admin; who''s in charge');
INSERT INTO posts (id, author_id, title, body, status)
VALUES (1, 1, 'Welcome', 'First post -- not a comment; /* not one either */', 'published');
