-- don't
SELECT 1; /* it's */
SELECT 2;
