SELECT 1;
CREATE TABLE "users (a int);
