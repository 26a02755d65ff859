SELECT "say \"hi\"; bye";
SELECT 2;
