SELECT 1;
  /* forgot to close
SELECT 2;
