SELECT 'C:\';
SELECT 'x';
