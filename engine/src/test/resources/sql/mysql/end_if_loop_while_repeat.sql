CREATE PROCEDURE loops()
BEGIN
  DECLARE i INT DEFAULT 0;
  IF i = 0 THEN SET i = 1; END IF;
  WHILE i < 3 DO SET i = i + 1; END WHILE;
  REPEAT SET i = i - 1; UNTIL i = 0 END REPEAT;
  l1: LOOP
    SET i = i + 1;
    IF i > 2 THEN LEAVE l1; END IF;
  END LOOP l1;
END;
SELECT 'after';
