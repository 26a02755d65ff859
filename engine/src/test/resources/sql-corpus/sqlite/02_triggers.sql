-- Triggers: BEGIN ... END bodies with ; inside, CASE ... END inside, WHEN clauses, RAISE.
CREATE TRIGGER people_insert AFTER INSERT ON "people;"
BEGIN
    INSERT INTO audit (what, info) VALUES ('insert;', NEW.[first name]);
    UPDATE "people;" SET "case" = CASE
            WHEN NEW.score IS NULL THEN 0
            WHEN NEW.score > 50 THEN 2
            ELSE 1
        END
     WHERE id = NEW.id;
END;

CREATE TRIGGER "people;update" BEFORE UPDATE OF mood ON "people;"
WHEN NEW.mood = 'sad' AND OLD.mood <> 'sad'
BEGIN
    SELECT CASE WHEN (SELECT count(*) FROM audit WHERE what = 'block') > 0
                THEN RAISE(ABORT, 'blocked; it''s sad')
           END;
    INSERT INTO audit (what, info) VALUES ('mood', OLD.mood || ' -> ' || NEW.mood); -- a comment; inside
    /* a block comment; inside END; the body */
END;

CREATE TRIGGER orders_total_check BEFORE INSERT ON orders
FOR EACH ROW WHEN NEW.total < 0
BEGIN
    SELECT RAISE(FAIL, 'negative total; END; refused');
END;

CREATE TRIGGER "begin" AFTER DELETE ON "people;" BEGIN DELETE FROM audit WHERE info = OLD.[first name]; END;

create trigger lower_case_trg after update on lower_case begin
    update lower_case set y = case new.y when 'end' then 'begin' else new.y end where x = new.x;
    insert into audit (what) values ('lower;case');
end;

CREATE TRIGGER tx_names AFTER INSERT ON transactions
BEGIN
    SELECT "end" FROM (SELECT 1 AS "end", 2 AS [begin]) WHERE 0;
    UPDATE transactions SET "commit" = NEW."begin", [transaction] = 'end' WHERE rowid = NEW.rowid;
END;
