CREATE TABLE `we``ird;name` (`a;b` INT);
SELECT 1;
