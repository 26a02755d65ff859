-- drop routine reset_all()
DROP PROCEDURE reset_all();

-- replace routine add(a integer, b integer)
CREATE OR REPLACE FUNCTION add(a integer, b integer)
 RETURNS integer
 LANGUAGE sql
AS $function$ SELECT a + b + 0 $function$;

-- create routine touch()
CREATE OR REPLACE FUNCTION touch()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
    NEW.updated := now();
    RETURN NEW;
END
$function$;

-- create trigger account.account_touch
CREATE TRIGGER account_touch BEFORE UPDATE ON account FOR EACH ROW EXECUTE FUNCTION touch();

-- create trigger account.account_touch_ins
CREATE TRIGGER account_touch_ins BEFORE INSERT ON account FOR EACH ROW WHEN (new.balance > 0::numeric) EXECUTE FUNCTION touch();
