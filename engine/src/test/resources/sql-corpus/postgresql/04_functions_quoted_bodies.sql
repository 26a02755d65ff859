-- Function bodies in ordinary quotes: doubled quotes, semicolons and things that look like dollar quotes.
CREATE FUNCTION greet(name text) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS 'SELECT ''Hello, '' || name || ''; welcome $$ and $tag$ stay text''';

CREATE FUNCTION old_style(integer) RETURNS integer AS '
DECLARE
    x integer := $1;   -- doubled quotes: ''it''''s''
BEGIN
    IF x > 10 THEN
        RETURN x - 10;
    END IF;
    RETURN x + length(''a;b'');
END;
' LANGUAGE plpgsql;

CREATE FUNCTION e_body() RETURNS text LANGUAGE sql AS E'SELECT \'e; \\\\ backslash\'::text';

CREATE FUNCTION "Quoted""Func"() RETURNS void LANGUAGE plpgsql AS '
BEGIN
    PERFORM 1; /* ; */ -- ''
END';

CREATE FUNCTION u_body() RETURNS text LANGUAGE sql AS U&'SELECT ''\0041; u''::text';
