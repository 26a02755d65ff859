SELECT '-- not a comment; really', "/* col; */";
SELECT $$ -- nor here; $$;
