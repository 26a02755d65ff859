-- DESTRUCTIVE: drop column item.note
ALTER TABLE item DROP COLUMN note;

-- add column item.qty
ALTER TABLE item ADD COLUMN qty INTEGER NOT NULL DEFAULT 0;

-- add column item.label
ALTER TABLE item ADD COLUMN label TEXT COLLATE NOCASE;
