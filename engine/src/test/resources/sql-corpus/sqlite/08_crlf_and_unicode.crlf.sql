-- CRLF line endings and non-ASCII names; the \r stays in the stored CREATE text.
CREATE TABLE "café;" (
    naïve TEXT DEFAULT 'crème; brûlée',
    [日本語] TEXT, -- a comment; with ünïcödé
    `emoji😀` TEXT DEFAULT '😀;'
);
CREATE TRIGGER "café_trg" AFTER INSERT ON "café;"
BEGIN
    UPDATE "café;" SET [日本語] = CASE WHEN NEW.naïve LIKE '%;%' THEN 'ja;' ELSE 'nein' END WHERE rowid = NEW.rowid;
END;
INSERT INTO "café;" (naïve) VALUES ('a;b'), ('c');
