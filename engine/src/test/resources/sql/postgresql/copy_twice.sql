COPY a FROM stdin;
1
\.
COPY b (x) FROM STDIN;
2
3
\.
