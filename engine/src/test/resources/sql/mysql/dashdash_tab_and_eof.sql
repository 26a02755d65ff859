SELECT 1;--	comment; here
SELECT 2;
--