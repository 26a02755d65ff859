COPY t FROM stdin; -- data follows
x
\.
