-- What ALTER TABLE can do: add plain columns (one NOT NULL with a default), drop an unused one.
CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL, qty INTEGER NOT NULL DEFAULT 0, label TEXT COLLATE NOCASE);
