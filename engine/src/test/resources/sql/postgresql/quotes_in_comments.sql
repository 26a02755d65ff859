-- don't stop here
/* it's a comment */ SELECT 1; -- isn't it
SELECT 2;
