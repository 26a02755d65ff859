SELECT 1 -- one; not the end
     , 2 /* two; */
     , 3 -- three
;
