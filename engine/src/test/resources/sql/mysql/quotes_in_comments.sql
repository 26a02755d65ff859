# don't
SELECT 1; -- isn't it
SELECT 2;
