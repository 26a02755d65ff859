# header; with a semicolon
SELECT 1; # trailing; comment
SELECT 2 # inside
;
