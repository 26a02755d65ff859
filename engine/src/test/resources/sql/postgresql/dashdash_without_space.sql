SELECT 1--comment; still comment
;
SELECT 2;
