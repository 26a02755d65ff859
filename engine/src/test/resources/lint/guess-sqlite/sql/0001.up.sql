CREATE TABLE notes (id INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT, updated_at TEXT);
CREATE TRIGGER notes_touch AFTER UPDATE ON notes FOR EACH ROW BEGIN
  UPDATE notes SET updated_at = datetime('now') WHERE id = NEW.id;
END;
