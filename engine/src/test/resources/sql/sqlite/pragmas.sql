PRAGMA foreign_keys = ON;
PRAGMA journal_mode=WAL;
VACUUM;
