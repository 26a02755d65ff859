-- SQL-standard bodies (PostgreSQL 14+): BEGIN ATOMIC ... END holds ; and CASE ... END.
CREATE FUNCTION grade(score integer) RETURNS text
    LANGUAGE sql IMMUTABLE
BEGIN ATOMIC
    SELECT CASE
        WHEN score >= 90 THEN 'A;'
        WHEN score >= 80 THEN 'B'
        ELSE CASE WHEN score >= 50 THEN 'C' ELSE 'F' END
    END;
END;

CREATE PROCEDURE record_two(a text, b text)
LANGUAGE sql
BEGIN ATOMIC
    INSERT INTO audit_log (action, payload) VALUES ('insert', to_jsonb(a));  -- first
    INSERT INTO audit_log (action, payload) VALUES ('update', to_jsonb(b || ';'));  /* second; */
END;

CREATE FUNCTION total_items(o bigint) RETURNS numeric
LANGUAGE sql STABLE
RETURN (SELECT coalesce(sum(total), 0) FROM "Order Items" WHERE "order id" = o);

CREATE OR REPLACE FUNCTION end_columns() RETURNS TABLE ("begin" date, "end" date)
LANGUAGE sql
begin atomic
    select p."begin", p."end" from people p where p.atomic;
end;

CREATE FUNCTION nested_case(x int) RETURNS int LANGUAGE sql
BEGIN ATOMIC
    SELECT CASE x WHEN 1 THEN CASE WHEN x > 0 THEN 10 END WHEN 2 THEN 20 ELSE 0 END;
    SELECT x;
END;
