DELIMITER $$
SELECT '$$' $$
SELECT 1 /* $$ */ + 1 $$
DELIMITER ;
