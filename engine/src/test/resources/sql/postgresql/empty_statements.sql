;;
  ;
SELECT 1;;
;
