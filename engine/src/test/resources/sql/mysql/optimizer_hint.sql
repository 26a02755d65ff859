SELECT /*+ BKA(t) */ * FROM t;
/*+ alone; */ SELECT 2;
