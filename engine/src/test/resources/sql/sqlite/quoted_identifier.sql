CREATE TABLE "a"";b" (c int);
SELECT 2;
