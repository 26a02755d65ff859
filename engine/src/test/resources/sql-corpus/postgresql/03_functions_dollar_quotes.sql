-- PL/pgSQL in $$ and $tag$ quotes, with END IF; END LOOP; and dollar quotes inside dollar quotes.
CREATE FUNCTION add_one(integer) RETURNS integer
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT $1 + 1; $$;

CREATE OR REPLACE FUNCTION classify(n integer) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    result text := '';   -- a ; in a comment; inside a body
BEGIN
    IF n < 0 THEN
        result := 'negative; really';
    ELSIF n = 0 THEN
        result := 'zero';
    ELSE
        FOR i IN 1..n LOOP
            result := result || '*';
            EXIT WHEN i >= 3;
        END LOOP;
    END IF;
    /* a nested /* comment */ inside a body; */
    RETURN result;
END;
$$;

CREATE FUNCTION outer_fn() RETURNS text LANGUAGE plpgsql AS $outer$
DECLARE
    sql text := $inner$SELECT 'it''s; $$ not the end $$'::text$inner$;
    r text;
BEGIN
    EXECUTE sql INTO r;
    EXECUTE $q$SELECT $1 || $x$;$x$$q$ INTO r USING r;
    RETURN r;
END
$outer$;

CREATE FUNCTION "weird name; with ""quotes"""(a$ integer, "b;" text DEFAULT 'x;y')
RETURNS TABLE (n integer, t text)
LANGUAGE plpgsql STABLE
AS $fn_1$
BEGIN
    RETURN QUERY SELECT a$, "b;" || $$;$$;
END;
$fn_1$;

CREATE FUNCTION tag_with_digits() RETURNS int LANGUAGE plpgsql AS $a1b2$ BEGIN RETURN 1; END $a1b2$;

CREATE FUNCTION counter(start integer) RETURNS SETOF integer LANGUAGE plpgsql AS $body$
DECLARE
    i integer := start;
BEGIN
    WHILE i < start + 3 LOOP
        RETURN NEXT i;
        i := i + 1;
    END LOOP;
    CASE WHEN i > 100 THEN RAISE NOTICE 'big; %', i; ELSE NULL; END CASE;
    RETURN;
END;
$body$;

CREATE PROCEDURE log_action(act text, INOUT done boolean DEFAULT NULL)
LANGUAGE plpgsql AS $proc$
BEGIN
    INSERT INTO audit_log (action, payload) VALUES (act, jsonb_build_object('note', 'via proc; ok'));
    done := true;
END
$proc$;

COMMENT ON FUNCTION classify(integer) IS 'Stars; for $$ numbers';
SELECT add_one(41);   SELECT classify(5) AS "x;y";
