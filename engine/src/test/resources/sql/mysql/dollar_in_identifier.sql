CREATE TABLE a$b (c$$ INT);
SELECT '$$;';
