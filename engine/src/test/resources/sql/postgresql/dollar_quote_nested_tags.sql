DO $fn$
BEGIN
  EXECUTE $q$CREATE TABLE x (a int); DROP TABLE x;$q$;
END
$fn$;
