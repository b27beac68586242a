-- The follow-up a delårsrapport is written from (issue 17): every forecast kept as it was
-- entered (who, when, which month's outcome it built on), the responsible person's
-- explanation of a deviation, the texts people write for a report, the investment follow-up's
-- rules and forecasts, and the bookings an investment follow-up reads. Months are text
-- 'YYYY-MM', amounts BIGINT öre.

-- Every forecast entered, never changed afterwards; `forecasts` keeps the one in force.
CREATE TABLE forecast_history (
    budget_id BIGINT NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    id BIGINT NOT NULL,
    unit TEXT NOT NULL,
    operating_row TEXT NOT NULL,
    year BIGINT NOT NULL,
    amount BIGINT NOT NULL,
    comment TEXT NOT NULL,
    based_on TEXT,
    entered_by TEXT NOT NULL,
    entered_at TEXT NOT NULL,
    PRIMARY KEY (budget_id, id)
);

-- The forecasts entered before the history was kept: their month is not known.
INSERT INTO forecast_history (budget_id, id, unit, operating_row, year, amount, comment, based_on, entered_by, entered_at)
SELECT budget_id, ROW_NUMBER() OVER (ORDER BY budget_id, updated_at, unit, operating_row, year), unit, operating_row, year, amount, comment, NULL, updated_by, updated_at
FROM forecasts;

CREATE TABLE deviation_explanations (
    budget_id BIGINT NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    unit TEXT NOT NULL,
    operating_row TEXT NOT NULL,
    year BIGINT NOT NULL,
    text TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (budget_id, unit, operating_row, year)
);

-- A report's texts: kind 'delarsrapport' or 'arsredovisning', its last month, and its part.
CREATE TABLE report_texts (
    budget_id BIGINT NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    period TEXT NOT NULL,
    part TEXT NOT NULL,
    text TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (budget_id, kind, period, part)
);

-- Which bookings belong to which project of the investment plan.
CREATE TABLE project_rules (
    budget_id BIGINT NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    project TEXT NOT NULL,
    object TEXT,
    account_prefix TEXT,
    cost_centre TEXT,
    PRIMARY KEY (budget_id, position)
);

-- The accounts whose bookings are an investment's expenditure, as prefixes "10,11,12,3,…";
-- a budget without a row uses the default.
CREATE TABLE investment_accounts (
    budget_id BIGINT PRIMARY KEY REFERENCES budgets (id) ON DELETE CASCADE,
    prefixes TEXT NOT NULL
);

CREATE TABLE project_forecast_history (
    budget_id BIGINT NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    id BIGINT NOT NULL,
    project TEXT NOT NULL,
    year BIGINT NOT NULL,
    amount BIGINT NOT NULL,
    comment TEXT NOT NULL,
    based_on TEXT,
    entered_by TEXT NOT NULL,
    entered_at TEXT NOT NULL,
    PRIMARY KEY (budget_id, id)
);

-- The bookings on investment accounts (10–14) or with a project, summed per account, cost
-- centre, project and month: what the investment follow-up reads.
CREATE TABLE outcome_investment (
    budget_id BIGINT NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    month TEXT NOT NULL,
    account BIGINT NOT NULL,
    cost_centre TEXT,
    project TEXT,
    amount BIGINT NOT NULL
);

CREATE INDEX outcome_investment_by_month ON outcome_investment (budget_id, month);

-- The months an import's vouchers cover (its first and last months also count a period
-- budget's): a month in between is booked, one outside is "ej bokfört". NULL for imports from
-- before, whose months are their first and last.
ALTER TABLE outcome_imports ADD COLUMN booked_first TEXT;
ALTER TABLE outcome_imports ADD COLUMN booked_last TEXT;
