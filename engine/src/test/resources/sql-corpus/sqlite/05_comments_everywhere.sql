-- Comments between every token, statements sharing lines, a statement split over many lines.
CREATE /* c1; */ TABLE -- c2;
    /* c3 */ "notes" /* c4 */ ( -- c5;
    id /* ; */ INTEGER /* ; */ PRIMARY /* ; */ KEY, -- c6
    body TEXT /* 'not a string; */ DEFAULT '/* not; a comment */' -- "not an identifier;
    , tag TEXT DEFAULT '-- still a string;'
) /* c7; */ ;
INSERT INTO notes (body) VALUES ('a;'); INSERT INTO notes (body) VALUES ('b''c;'); /* trailing; */ INSERT INTO notes (body, tag) VALUES ('d', 'e');
CREATE INDEX notes_tag
ON notes
(
tag
)
;
CREATE TRIGGER notes_trg /* ; */ AFTER INSERT ON notes -- ;
BEGIN /* BEGIN; */
    -- END;
    UPDATE notes SET tag = 'end;' /* END */ WHERE id = NEW.id AND NEW.tag IS NULL; -- CASE
END /* after END; */;
INSERT INTO notes (body) VALUES ('fires the trigger; ok');
