CREATE PROCEDURE lab()
outer_block: BEGIN
  inner_block: BEGIN
    SELECT 1;
  END inner_block;
  SELECT 2;
END outer_block;
SELECT 3;
