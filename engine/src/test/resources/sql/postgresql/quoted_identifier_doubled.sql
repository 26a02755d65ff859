CREATE TABLE "we""ird;name" ("a;b" int);
SELECT "a;b" FROM "we""ird;name";
