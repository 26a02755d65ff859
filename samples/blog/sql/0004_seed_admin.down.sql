DELETE FROM posts WHERE id = 1;
DELETE FROM users WHERE id = 1;
