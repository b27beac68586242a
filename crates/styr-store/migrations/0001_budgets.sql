-- styr's schema, in SQL that SQLite and PostgreSQL both accept: BIGINT and TEXT only, dates as
-- ISO text, money as BIGINT öre, flags as 0/1. Every table is keyed by the budget it belongs to;
-- `position` keeps the order people gave.

CREATE TABLE budgets (
    id BIGINT PRIMARY KEY,
    revision BIGINT NOT NULL,
    municipality_name TEXT NOT NULL,
    municipality_code TEXT NOT NULL,
    board TEXT NOT NULL,
    previous_year BIGINT NOT NULL,
    budget_year BIGINT NOT NULL,
    plan_years TEXT NOT NULL,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    decided_by TEXT NOT NULL,
    decision_date TEXT,
    registry_number TEXT NOT NULL,
    applies_to TEXT NOT NULL,
    validity TEXT NOT NULL,
    valid_until TEXT,
    revise_by TEXT,
    owner TEXT NOT NULL,
    investment_heading TEXT NOT NULL,
    investment_years TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE units (
    budget_id BIGINT NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    parent TEXT,
    valid_from TEXT,
    valid_to TEXT,
    predecessor TEXT,
    separately_reported BIGINT NOT NULL,
    description TEXT NOT NULL,
    PRIMARY KEY (budget_id, id)
);

CREATE TABLE sections (
    budget_id BIGINT NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    heading TEXT NOT NULL,
    level BIGINT NOT NULL,
    body TEXT NOT NULL,
    shows TEXT,
    PRIMARY KEY (budget_id, position)
);

CREATE TABLE goals (
    budget_id BIGINT NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    id TEXT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    statement TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (budget_id, id)
);

CREATE TABLE kpis (
    budget_id BIGINT NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    goal_id TEXT NOT NULL,
    position BIGINT NOT NULL,
    name TEXT NOT NULL,
    source TEXT NOT NULL,
    measurements_per_year BIGINT NOT NULL,
    kolada_id TEXT,
    PRIMARY KEY (budget_id, goal_id, position)
);

CREATE TABLE efficiency_investigations (
    budget_id BIGINT NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    proposed_by TEXT NOT NULL,
    investigation TEXT NOT NULL,
    handling TEXT NOT NULL,
    coordinators TEXT NOT NULL,
    prioritised BIGINT NOT NULL,
    PRIMARY KEY (budget_id, position)
);

CREATE TABLE index_vintages (
    budget_id BIGINT NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    name TEXT NOT NULL,
    vintage TEXT NOT NULL,
    PRIMARY KEY (budget_id, position)
);

CREATE TABLE index_values (
    budget_id BIGINT NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    vintage_position BIGINT NOT NULL,
    year BIGINT NOT NULL,
    ten_thousandths BIGINT NOT NULL,
    PRIMARY KEY (budget_id, vintage_position, year)
);

CREATE TABLE frames (
    budget_id BIGINT NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    unit TEXT NOT NULL,
    heading TEXT NOT NULL,
    index_name TEXT NOT NULL,
    vintage TEXT NOT NULL,
    PRIMARY KEY (budget_id, unit)
);

-- A frame year: entered (amount_ore set), derived (base set, amount_ore null), or entered with
-- a trail (both). Stated figures keep their precision as text: "tkr", "mnkr.1", "mnkr~10".
CREATE TABLE frame_years (
    budget_id BIGINT NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    unit TEXT NOT NULL,
    year BIGINT NOT NULL,
    amount_ore BIGINT,
    base_kind TEXT,
    base_year BIGINT,
    base_ore BIGINT,
    base_precision TEXT,
    PRIMARY KEY (budget_id, unit, year)
);

CREATE TABLE frame_steps (
    budget_id BIGINT NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    unit TEXT NOT NULL,
    year BIGINT NOT NULL,
    position BIGINT NOT NULL,
    kind TEXT NOT NULL,
    index_year BIGINT,
    share BIGINT,
    name TEXT,
    amount_ore BIGINT,
    amount_precision TEXT,
    permanent BIGINT,
    result_ore BIGINT,
    result_precision TEXT,
    body TEXT NOT NULL,
    PRIMARY KEY (budget_id, unit, year, position)
);

CREATE TABLE operating_blocks (
    budget_id BIGINT NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    unit TEXT NOT NULL,
    PRIMARY KEY (budget_id, unit)
);

-- One cell of the operating budget; line is a line key or "financial_net".
CREATE TABLE operating_amounts (
    budget_id BIGINT NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    unit TEXT NOT NULL,
    line TEXT NOT NULL,
    year BIGINT NOT NULL,
    amount_ore BIGINT NOT NULL,
    PRIMARY KEY (budget_id, unit, line, year)
);

CREATE TABLE explanations (
    budget_id BIGINT NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    unit TEXT NOT NULL,
    position BIGINT NOT NULL,
    line TEXT NOT NULL,
    from_year BIGINT NOT NULL,
    to_year BIGINT NOT NULL,
    stated_direction TEXT,
    stated_ore BIGINT,
    stated_precision TEXT,
    stated_sentence TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (budget_id, unit, position)
);

CREATE TABLE operating_tables (
    budget_id BIGINT NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    unit TEXT NOT NULL,
    heading TEXT NOT NULL,
    PRIMARY KEY (budget_id, unit)
);

CREATE TABLE operating_stated (
    budget_id BIGINT NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    unit TEXT NOT NULL,
    row_key TEXT NOT NULL,
    year BIGINT NOT NULL,
    stated_ore BIGINT NOT NULL,
    stated_precision TEXT NOT NULL,
    PRIMARY KEY (budget_id, unit, row_key, year)
);

CREATE TABLE projects (
    budget_id BIGINT NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    name TEXT NOT NULL,
    category TEXT NOT NULL,
    PRIMARY KEY (budget_id, name)
);

CREATE TABLE project_amounts (
    budget_id BIGINT NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    project TEXT NOT NULL,
    year BIGINT NOT NULL,
    amount_ore BIGINT NOT NULL,
    PRIMARY KEY (budget_id, project, year)
);

CREATE TABLE investment_stated (
    budget_id BIGINT NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    row_key TEXT NOT NULL,
    year BIGINT NOT NULL,
    stated_ore BIGINT NOT NULL,
    stated_precision TEXT NOT NULL,
    PRIMARY KEY (budget_id, row_key, year)
);

CREATE TABLE statements (
    budget_id BIGINT NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    section TEXT NOT NULL,
    sentence TEXT NOT NULL,
    figure TEXT NOT NULL,
    claim TEXT NOT NULL,
    years TEXT NOT NULL,
    direction TEXT,
    stated_ore BIGINT NOT NULL,
    stated_precision TEXT NOT NULL,
    PRIMARY KEY (budget_id, position)
);

CREATE TABLE scale_steps (
    budget_id BIGINT NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    scale TEXT NOT NULL,
    grade BIGINT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    PRIMARY KEY (budget_id, scale, grade)
);

CREATE TABLE risk_bands (
    budget_id BIGINT NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    name TEXT NOT NULL,
    from_value BIGINT NOT NULL,
    to_value BIGINT NOT NULL,
    colour TEXT NOT NULL,
    handling TEXT NOT NULL,
    PRIMARY KEY (budget_id, position)
);

CREATE TABLE risks (
    budget_id BIGINT NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    probability BIGINT NOT NULL,
    materiality BIGINT NOT NULL,
    stated_value BIGINT,
    handling TEXT NOT NULL,
    handling_text TEXT NOT NULL,
    PRIMARY KEY (budget_id, id)
);

CREATE TABLE control_activities (
    budget_id BIGINT NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    id TEXT NOT NULL,
    risk TEXT NOT NULL,
    stated_risk_name TEXT,
    stated_value BIGINT,
    description TEXT NOT NULL,
    method TEXT NOT NULL,
    responsible TEXT NOT NULL,
    PRIMARY KEY (budget_id, id)
);

CREATE TABLE control_results (
    budget_id BIGINT NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    control_id TEXT NOT NULL,
    position BIGINT NOT NULL,
    performed_on TEXT NOT NULL,
    sample TEXT NOT NULL,
    deviations_found BIGINT NOT NULL,
    deviations TEXT NOT NULL,
    actions TEXT NOT NULL,
    PRIMARY KEY (budget_id, control_id, position)
);
