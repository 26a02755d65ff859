CREATE TABLE a$b (c$ int, d$x$ int);
SELECT c$ FROM a$b;
