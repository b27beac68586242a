-- Issue 19: the audit log stays append-only against every way of writing over a row.
-- INSERT … ON CONFLICT DO UPDATE and MERGE … UPDATE/DELETE fire the row triggers of 0004 and
-- are refused there. What 0004 let through is a row slipped in below the end: the log numbers
-- rows itself (GENERATED ALWAYS), but OVERRIDING SYSTEM VALUE takes a number from outside, and
-- a rolled-back write leaves a gap in the numbering to slip history into. So a new row must
-- come after every row already there. A row the log numbers itself always does: its number is
-- drawn after every committed row this statement can see was numbered.
CREATE FUNCTION audit_log_at_the_end() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.id <= (SELECT COALESCE(MAX(id), 0) FROM audit_log) OR NEW.id < 1 THEN RAISE EXCEPTION 'the audit log is append-only: a row goes at its end'; END IF; RETURN NEW; END $$;
CREATE TRIGGER audit_log_at_the_end BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_at_the_end();
