SELECT 1--1;
-- a comment; really
SELECT 2;--
SELECT 3;
