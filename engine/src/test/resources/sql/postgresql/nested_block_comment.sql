/* outer /* inner; */ still comment; SELECT 0; */
SELECT 1;
