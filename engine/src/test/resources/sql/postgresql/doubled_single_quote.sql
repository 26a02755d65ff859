INSERT INTO notes VALUES ('it''s; fine');
SELECT 'a''''b';
