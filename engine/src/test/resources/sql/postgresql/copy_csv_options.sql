COPY public.t (a, b) FROM STDIN WITH (FORMAT csv, HEADER true);
a,b
1,"x; y"
2,'z'
\.
