-- Goals followed up (issue 14): a KPI's follow-up definition in the budget (its key, which
-- way is better, unit, range, baseline, tolerance, what it is for, the directions it follows
-- up), its targets per year, and beside the budget the measured values and the assessments,
-- kept with the municipality and board (the budget's municipality code and board unit), so a
-- KPI's history outlives one budget year. Decimals are exact plain text ("12.3"); periods are
-- keys ("2025", "2025-T2", "2025-03", "2025-O1").

ALTER TABLE kpis ADD COLUMN kpi_id TEXT NOT NULL DEFAULT '';
ALTER TABLE kpis ADD COLUMN direction TEXT NOT NULL DEFAULT 'higher';
ALTER TABLE kpis ADD COLUMN unit TEXT NOT NULL DEFAULT 'index';
ALTER TABLE kpis ADD COLUMN minimum TEXT;
ALTER TABLE kpis ADD COLUMN maximum TEXT;
ALTER TABLE kpis ADD COLUMN baseline_period TEXT;
ALTER TABLE kpis ADD COLUMN baseline_value TEXT;
ALTER TABLE kpis ADD COLUMN tolerance TEXT;
ALTER TABLE kpis ADD COLUMN purpose TEXT NOT NULL DEFAULT 'quality';
ALTER TABLE kpis ADD COLUMN amount_kolada_id TEXT;
-- Goal ids of political directions, "a,b" (keys hold no comma).
ALTER TABLE kpis ADD COLUMN directions TEXT NOT NULL DEFAULT '';
ALTER TABLE goals ADD COLUMN unit TEXT;
ALTER TABLE goals ADD COLUMN directions TEXT NOT NULL DEFAULT '';

CREATE TABLE kpi_targets (
    budget_id BIGINT NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    goal_id TEXT NOT NULL,
    kpi_id TEXT NOT NULL,
    year BIGINT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (budget_id, goal_id, kpi_id, year)
);

CREATE TABLE kpi_measurements (
    municipality TEXT NOT NULL,
    board TEXT NOT NULL,
    kpi TEXT NOT NULL,
    period TEXT NOT NULL,
    value TEXT NOT NULL,
    source TEXT NOT NULL,
    entered_by TEXT NOT NULL,
    entered_at TEXT NOT NULL,
    comment TEXT NOT NULL,
    PRIMARY KEY (municipality, board, kpi, period)
);

CREATE TABLE goal_assessments (
    municipality TEXT NOT NULL,
    board TEXT NOT NULL,
    goal TEXT NOT NULL,
    period TEXT NOT NULL,
    chosen TEXT NOT NULL,
    reason TEXT NOT NULL,
    computed TEXT NOT NULL,
    assessed_by TEXT NOT NULL,
    assessed_at TEXT NOT NULL,
    PRIMARY KEY (municipality, board, goal, period)
);
