-- Trigger functions, triggers, a rule with several actions in parentheses, an event trigger.
CREATE FUNCTION audit_people() RETURNS trigger
LANGUAGE plpgsql AS $trg$
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO audit_log (action, payload) VALUES ('delete', to_jsonb(OLD));
        RETURN OLD;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO audit_log (action, payload) VALUES ('update', jsonb_build_object('old', to_jsonb(OLD), 'new', to_jsonb(NEW)));
    ELSE
        INSERT INTO audit_log (action, payload) VALUES ('insert', to_jsonb(NEW));
    END IF;
    RETURN NEW;
END;
$trg$;

CREATE TRIGGER "people;audit"
    AFTER INSERT OR UPDATE OR DELETE ON people
    FOR EACH ROW EXECUTE FUNCTION audit_people();

CREATE TRIGGER items_check BEFORE INSERT OR UPDATE OF qty ON "Order Items"
    FOR EACH ROW WHEN (NEW.qty > 1000)   -- ; in a comment after WHEN
    EXECUTE FUNCTION audit_people();

CREATE TABLE people_archive (LIKE people INCLUDING DEFAULTS);

CREATE RULE archive_people AS ON DELETE TO people_archive
    DO ALSO (
        INSERT INTO audit_log (action, payload) VALUES ('delete', to_jsonb(OLD.last_name));
        INSERT INTO audit_log (action) VALUES ('it''s;odd')
    );

CREATE FUNCTION ddl_note() RETURNS event_trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE NOTICE 'ddl: %; done', tg_tag;
END
$$;
CREATE EVENT TRIGGER "note;ddl" ON ddl_command_end WHEN TAG IN ('CREATE TABLE') EXECUTE FUNCTION ddl_note();
ALTER EVENT TRIGGER "note;ddl" DISABLE;
