CREATE TABLE csv_format (
delimiter CHAR(1) NOT NULL
);
SELECT 1;
