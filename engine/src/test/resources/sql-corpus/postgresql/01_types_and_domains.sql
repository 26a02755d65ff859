-- Types and domains; every comment here holds a ; on purpose; so does this one;
/* a block comment /* nested once /* and twice; */ still nested */ still a comment; */
CREATE TYPE mood AS ENUM ('sad', 'ok;fine', 'it''s happy', '$$', '--not a comment', '/*nor this*/');

CREATE TYPE "Weird;Type" AS ENUM ('a"b', 'c');   -- a quoted type name holding a ;

CREATE DOMAIN us_postal AS text
    CHECK (VALUE ~ '^\d{5};?$' OR VALUE ~ '^\d{5}-\d{4}$')  /* ; in a regex */
    ;
CREATE DOMAIN "dom""quoted" AS integer DEFAULT 0 CONSTRAINT "non;negative" CHECK (VALUE >= 0);
CREATE DOMAIN e_text AS text DEFAULT E'tab\there; it\'s escaped' NOT NULL;

CREATE TYPE pair AS (
    "left;side" integer,   -- ; inside a composite type
    "right" text           /* "not an identifier; */
);
CREATE TYPE range_of_numbers AS RANGE (subtype = numeric);

COMMENT ON TYPE mood IS 'Feelings; sorted by ''how'' happy -- not a comment /* nor this */';
COMMENT ON DOMAIN us_postal IS $$US postal codes; with a $ sign $ and 'quotes'$$;
COMMENT ON TYPE "Weird;Type" IS U&'caf\00e9; na\0026ve';
