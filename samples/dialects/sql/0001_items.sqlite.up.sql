CREATE TABLE items (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT NOT NULL,
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- The trigger body holds semicolons of its own; the statement ends after END.
CREATE TRIGGER items_touch AFTER UPDATE OF name ON items
FOR EACH ROW
BEGIN
    SELECT CASE WHEN NEW.name = '' THEN RAISE(ABORT, 'name must not be empty; got nothing') END;
    UPDATE items SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
