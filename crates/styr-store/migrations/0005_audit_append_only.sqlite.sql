-- Issue 19: the audit log stays append-only against REPLACE too. REPLACE, INSERT OR REPLACE
-- and an upsert remove or rewrite an existing row without an UPDATE or a DELETE statement, and
-- SQLite fires no delete trigger for a row REPLACE removes (unless recursive_triggers is on, a
-- per-connection setting anyone can leave off). So an insert is refused when its number is
-- taken, and a row must land at the end: a number below the last one would be history
-- written afterwards. An AUTOINCREMENT row is numbered -1 in a BEFORE trigger and gets its
-- real number, always the next, before the AFTER trigger runs.
CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_at_the_end AFTER INSERT ON audit_log
WHEN NEW.id < 1 OR NEW.id < (SELECT MAX(id) FROM audit_log)
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: a row goes at its end'); END;
