-- The check of 0005 compared a new row's number with the largest number already committed.
-- Under concurrent writers that races: a transaction draws its number, another draws the next
-- one and commits, and the first one's check then sees a larger number and refuses a row that
-- the log numbered itself (found by styr-app's concurrency test on PostgreSQL). The log's own
-- numbering is what matters: a row's number must be the one this session has just drawn from
-- the log's sequence. A number from outside (OVERRIDING SYSTEM VALUE) is not, whatever its size.
CREATE OR REPLACE FUNCTION audit_log_at_the_end() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.id < 1 OR NEW.id <> currval(pg_get_serial_sequence('audit_log', 'id')) THEN RAISE EXCEPTION 'the audit log is append-only: a row goes at its end'; END IF; RETURN NEW; EXCEPTION WHEN object_not_in_prerequisite_state THEN RAISE EXCEPTION 'the audit log is append-only: a row goes at its end'; END $$;
