CREATE TABLE [my;table] ([a;b] int);
SELECT [a;b] FROM [my;table];
