-- The editor's fields (issue 16), in SQL both SQLite and PostgreSQL accept.
--
-- Stated figures a person has since changed the rows under are superseded: kept as the source
-- document stated them, no longer checked. A table's superseded rows have tables of their own
-- (a figure is either standing or superseded, so the keys stay those of operating_stated and
-- investment_stated); an explanation's stated change and a sentence of prose get a flag.
CREATE TABLE operating_superseded (
    budget_id BIGINT NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    unit TEXT NOT NULL,
    row_key TEXT NOT NULL,
    year BIGINT NOT NULL,
    stated_ore BIGINT NOT NULL,
    stated_precision TEXT NOT NULL,
    PRIMARY KEY (budget_id, unit, row_key, year)
);

CREATE TABLE investment_superseded (
    budget_id BIGINT NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    row_key TEXT NOT NULL,
    year BIGINT NOT NULL,
    stated_ore BIGINT NOT NULL,
    stated_precision TEXT NOT NULL,
    PRIMARY KEY (budget_id, row_key, year)
);

ALTER TABLE explanations ADD COLUMN superseded BIGINT NOT NULL DEFAULT 0;

ALTER TABLE statements ADD COLUMN superseded BIGINT NOT NULL DEFAULT 0;

-- An investment project's total budget, start and end, owner and status, and its
-- driftkonsekvens per year: kapitalkostnad and other operating effects, öre.
ALTER TABLE projects ADD COLUMN total_budget_ore BIGINT;

ALTER TABLE projects ADD COLUMN start_date TEXT;

ALTER TABLE projects ADD COLUMN end_date TEXT;

ALTER TABLE projects ADD COLUMN owner TEXT NOT NULL DEFAULT '';

ALTER TABLE projects ADD COLUMN status TEXT NOT NULL DEFAULT 'planned';

CREATE TABLE project_effects (
    budget_id BIGINT NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    project TEXT NOT NULL,
    year BIGINT NOT NULL,
    capital_cost_ore BIGINT NOT NULL,
    other_ore BIGINT NOT NULL,
    PRIMARY KEY (budget_id, project, year)
);

-- A risk's owner and category, and its residual grades after measures (both or neither).
ALTER TABLE risks ADD COLUMN owner TEXT NOT NULL DEFAULT '';

ALTER TABLE risks ADD COLUMN category TEXT NOT NULL DEFAULT '';

ALTER TABLE risks ADD COLUMN residual_probability BIGINT;

ALTER TABLE risks ADD COLUMN residual_materiality BIGINT;

-- A control activity's schedule, status and conclusion.
ALTER TABLE control_activities ADD COLUMN frequency TEXT NOT NULL DEFAULT 'yearly';

ALTER TABLE control_activities ADD COLUMN planned_on TEXT;

ALTER TABLE control_activities ADD COLUMN report_by TEXT;

ALTER TABLE control_activities ADD COLUMN status TEXT NOT NULL DEFAULT 'planned';

ALTER TABLE control_activities ADD COLUMN conclusion TEXT NOT NULL DEFAULT '';
