-- header comment
/* block
   comment */  -- and another
    CREATE TABLE t (a int); -- after

/* before second */ DROP TABLE t;
-- end of file
