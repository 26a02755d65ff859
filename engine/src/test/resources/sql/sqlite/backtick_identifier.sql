CREATE TABLE `x``;y` (a int);
SELECT 1;
