-- A municipality's budget year is edited where it is kept (issue 15): the council's frame
-- decisions, a board's distribution to its ansvar, a budgetansvarig's own lines. Each edit
-- writes the whole file anew and counts the revision up, so two people editing one year at
-- once get one edit and a conflict, never a silent overwrite. A year opened from is frozen.
ALTER TABLE municipal_budgets ADD COLUMN revision BIGINT NOT NULL DEFAULT 1;
-- A year no longer worked on is archived (kept, readable, changed by no one) and can be
-- brought back; who archived it and when.
ALTER TABLE municipal_budgets ADD COLUMN archived_by TEXT;
ALTER TABLE municipal_budgets ADD COLUMN archived_at TEXT;
