CREATE TABLE t (a int, changed text);
CREATE TRIGGER t_upd AFTER UPDATE ON t
BEGIN
  UPDATE t SET changed = datetime('now') WHERE rowid = NEW.rowid;
  INSERT INTO log VALUES ('t; updated');
END;
SELECT 1;
