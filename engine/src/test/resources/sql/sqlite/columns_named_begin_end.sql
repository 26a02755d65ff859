CREATE TRIGGER spans_ins AFTER INSERT ON spans
BEGIN
  INSERT INTO log (begin, end) VALUES (NEW.begin, NEW.end);
END;
SELECT 1;
