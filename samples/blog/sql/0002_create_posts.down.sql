-- Dropping the table drops its index too, on every database.
DROP TABLE posts;
