-- Anonymous DO blocks that build objects; the kind of thing migrations do to be idempotent.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'status') THEN
        CREATE TYPE status AS ENUM ('new', 'done;ish');
    END IF;
END
$$;

DO LANGUAGE plpgsql $do$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['alpha', 'beta;gamma'] LOOP
        EXECUTE format($f$CREATE TABLE %I (id int, note text DEFAULT %L)$f$, 'do_' || replace(t, ';', '_'), t || '; ok');
    END LOOP;
END
$do$;

DO $x$ BEGIN RAISE NOTICE 'semicolon; % and quote ''', 1; END $x$;

DO E'BEGIN PERFORM 1; /* \' */ END';

DO $do2$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT 'do_alpha' AS n LOOP
        EXECUTE 'COMMENT ON TABLE ' || quote_ident(r.n) || ' IS ' || quote_literal($c$made by DO; it's $$ fine$c$);
    END LOOP;
    <<outer_block>>
    BEGIN
        PERFORM 1 / 0;
    EXCEPTION WHEN division_by_zero THEN
        NULL; -- swallowed; on purpose
    END outer_block;
END
$do2$;
