CREATE TABLE orders (id integer);
CREATE TABLE "Lines" (id integer);
CREATE TEMP TABLE scratch (id integer);
