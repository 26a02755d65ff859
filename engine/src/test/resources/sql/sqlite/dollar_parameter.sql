SELECT $a$b, :c, ?1;
SELECT 'x$$y';
