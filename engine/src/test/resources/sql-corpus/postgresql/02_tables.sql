/* Tables: generated columns, identities, defaults and checks with every string form. */
CREATE TABLE people (
    id        integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    "first;name" text NOT NULL DEFAULT 'Jo;hn',
    last_name text NOT NULL DEFAULT E'O\'Brien',  -- backslash escape in an E'' string
    "begin"   date,     -- column named begin
    "end"     date,     -- and end
    atomic    boolean DEFAULT false,
    full_name text GENERATED ALWAYS AS ("first;name" || ' ' || last_name) STORED,
    feeling   mood DEFAULT 'ok;fine',
    note      text DEFAULT U&'d\0061t\+000061; -- "x"' CHECK (note <> ';'),
    zip       us_postal,
    price$    numeric(10, 2) DEFAULT 0,
    CONSTRAINT "dates;ordered" CHECK ("begin" IS NULL OR "end" IS NULL OR "begin" <= "end")
);

CREATE TABLE "Order Items" (
    "order id" bigint NOT NULL,
    "item#"    integer NOT NULL,
    qty        integer NOT NULL CHECK (qty > 0),
    unit_price numeric(12, 2) NOT NULL,
    total      numeric(14, 2) GENERATED ALWAYS AS (qty * unit_price) STORED,
    tags       text[] DEFAULT ARRAY['a;b', 'c''d', $t$e$f$t$]::text[],
    meta       jsonb DEFAULT '{"k": "v; w", "q": "it''s"}'::jsonb,
    PRIMARY KEY ("order id", "item#")
);

CREATE TABLE audit_log (
    id      bigserial PRIMARY KEY,
    at      timestamptz NOT NULL DEFAULT now(),
    actor   text DEFAULT current_user,
    action  text NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'it''s;odd')),
    payload jsonb
);

CREATE TABLE measurements (
    city_id   int NOT NULL,
    logdate   date NOT NULL,
    peaktemp  int,
    unitsales int
) PARTITION BY RANGE (logdate);
CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

ALTER TABLE "Order Items" ADD COLUMN "note;x" text DEFAULT $q$semi;colon 'quoted' "double"$q$;
ALTER TABLE people ALTER COLUMN zip SET DEFAULT '12345';COMMENT ON COLUMN people."first;name" IS 'Given; name';
COMMENT ON TABLE "Order Items" IS E'Line one\nLine two; with \\ a backslash';
