SELECT 1--x; comment
;
