-- Follow-up: the outcome imported from the accounting system, the mapping from accounts and
-- cost centres to the budget's lines and units, forecasts, and saved CSV import profiles.
-- Months are text 'YYYY-MM' (they sort as they should), amounts BIGINT öre, debit positive.

CREATE TABLE outcome_imports (
    budget_id BIGINT NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    id BIGINT NOT NULL,
    file_name TEXT NOT NULL,
    checksum TEXT NOT NULL,
    format TEXT NOT NULL,
    first_month TEXT NOT NULL,
    last_month TEXT NOT NULL,
    vouchers BIGINT NOT NULL,
    row_count BIGINT NOT NULL,
    debit BIGINT NOT NULL,
    credit BIGINT NOT NULL,
    replaced_rows BIGINT NOT NULL,
    imported_by TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    PRIMARY KEY (budget_id, id)
);

-- A voucher's rows in one month, packed: one line per row, "account TAB cost centre TAB amount
-- TAB text". Drill-down reads a month's vouchers and unpacks them; the report reads the sums.
-- Storing each row as a row of its own cost four times as much to import.
CREATE TABLE outcome_vouchers (
    budget_id BIGINT NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    id BIGINT NOT NULL,
    month TEXT NOT NULL,
    import_id BIGINT NOT NULL,
    series TEXT NOT NULL,
    number TEXT NOT NULL,
    date TEXT NOT NULL,
    text TEXT NOT NULL,
    row_count BIGINT NOT NULL,
    rows TEXT NOT NULL,
    PRIMARY KEY (budget_id, id, month)
);

CREATE INDEX outcome_vouchers_by_month ON outcome_vouchers (budget_id, month);

-- The outcome summed per account, cost centre and month: what the report reads.
CREATE TABLE outcome_sums (
    budget_id BIGINT NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    month TEXT NOT NULL,
    account BIGINT NOT NULL,
    cost_centre TEXT,
    amount BIGINT NOT NULL
);

CREATE INDEX outcome_sums_by_month ON outcome_sums (budget_id, month);

CREATE TABLE outcome_period_budget (
    budget_id BIGINT NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    month TEXT NOT NULL,
    account BIGINT NOT NULL,
    cost_centre TEXT,
    amount BIGINT NOT NULL
);

CREATE TABLE outcome_names (
    budget_id BIGINT NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (budget_id, kind, code)
);

CREATE TABLE account_rules (
    budget_id BIGINT NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    prefix TEXT NOT NULL,
    operating_row TEXT,
    PRIMARY KEY (budget_id, prefix)
);

CREATE TABLE cost_centre_rules (
    budget_id BIGINT NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    object TEXT NOT NULL,
    unit TEXT NOT NULL,
    valid_from TEXT,
    valid_to TEXT
);

-- How a line's yearly budget is spread over the months: twelve weights, "1,1,…"; a line
-- without a row is spread evenly.
CREATE TABLE line_profiles (
    budget_id BIGINT NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    line TEXT NOT NULL,
    weights TEXT NOT NULL,
    PRIMARY KEY (budget_id, line)
);

CREATE TABLE forecasts (
    budget_id BIGINT NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    unit TEXT NOT NULL,
    operating_row TEXT NOT NULL,
    year BIGINT NOT NULL,
    amount BIGINT NOT NULL,
    comment TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (budget_id, unit, operating_row, year)
);

CREATE TABLE import_profiles (
    name TEXT PRIMARY KEY,
    definition TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
