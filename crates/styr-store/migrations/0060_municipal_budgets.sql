-- A municipality's budget year as kommunfullmäktige decides it (Mål och budget), kept whole as
-- the municipality file it was read from (docs/municipality-file.md): every board's frame,
-- ansvar and lines, the central items, the balance and the financial goals. A year opened from
-- another with `styr next-year` names it in `opened_from`; a year is opened from once, and the
-- year it was opened from is kept as it was.
CREATE TABLE municipal_budgets (
    id BIGINT PRIMARY KEY,
    municipality_name TEXT NOT NULL,
    municipality_code TEXT NOT NULL,
    budget_year BIGINT NOT NULL,
    source TEXT NOT NULL,
    opened_from BIGINT,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX municipal_budgets_opened_once ON municipal_budgets (opened_from);
