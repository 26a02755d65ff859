COPY t FROM '/tmp/t.csv';
SELECT 1;
