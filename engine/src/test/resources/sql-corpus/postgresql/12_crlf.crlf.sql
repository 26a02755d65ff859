-- CRLF line endings: psql keeps the \r inside bodies, so Graft must too; COPY data lines end in CRLF.
CREATE FUNCTION crlf_body(x int) RETURNS text LANGUAGE plpgsql AS $crlf$
BEGIN
    IF x > 0 THEN RETURN 'positive; ok'; END IF;  -- a comment; here
    RETURN 'other';
END
$crlf$;
CREATE TABLE crlf_data (id int PRIMARY KEY, label text DEFAULT E'a\r\nb;');
COPY crlf_data (id, label) FROM stdin;
1	one; first
2	two
\.
CREATE VIEW crlf_view AS SELECT id, label || ';' AS l -- comment
FROM crlf_data;
