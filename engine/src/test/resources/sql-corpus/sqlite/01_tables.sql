-- Tables in every quoting style SQLite accepts; every comment here holds a ; on purpose;
/* a block comment; /* SQLite block comments do not nest, so this one ends here: */
CREATE TABLE "people;" (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    [first name] TEXT NOT NULL DEFAULT 'Jo;hn',      -- bracket identifier
    `last;name` TEXT NOT NULL DEFAULT 'O''Brien',     /* backtick identifier */
    "begin" TEXT,     -- columns named like block keywords
    "end" TEXT,
    "case" INTEGER,
    mood TEXT CHECK (mood IN ('sad', 'ok;fine', 'it''s happy', '--not a comment', '/*nor this*/')),
    full_name TEXT GENERATED ALWAYS AS ([first name] || ' ' || `last;name`) VIRTUAL,
    score INTEGER CHECK (CASE WHEN score IS NULL THEN 1 WHEN score BETWEEN 0 AND 100 THEN 1 ELSE 0 END = 1)
);

CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES "people;" (id) ON DELETE CASCADE,
    total REAL NOT NULL DEFAULT 0.0,
    status TEXT NOT NULL DEFAULT 'new;order' COLLATE NOCASE,
    note TEXT DEFAULT "double-quoted string literal; legacy",
    created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S;', 'now'))
) STRICT;

CREATE TABLE "kv""store" (k TEXT PRIMARY KEY, v BLOB DEFAULT x'3b27') WITHOUT ROWID;
CREATE TABLE audit (id INTEGER PRIMARY KEY, at TEXT DEFAULT CURRENT_TIMESTAMP, what TEXT, info TEXT);
CREATE TABLE transactions ("begin" INTEGER, "commit" INTEGER, [transaction] TEXT);  CREATE TABLE t2 (a); -- two on one line
create table lower_case (x integer primary key, y text default 'end;');
