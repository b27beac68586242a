-- The Kolada cache (issue 14): values per KPI, municipality (or group), year and gender as
-- Kolada answered them, with when they were written; KPI metadata; municipality groups and
-- their members, Kolada's own or a list a user chose; the log of fetches and imports; and
-- each municipality's chosen peer group. styr reads its comparisons from here, so it works
-- without a network; a refresh rewrites only the rows whose answer changed.

CREATE TABLE kolada_values (
    kpi TEXT NOT NULL,
    municipality TEXT NOT NULL,
    year BIGINT NOT NULL,
    gender TEXT NOT NULL,
    -- Exact plain text, or NULL where Kolada has no value.
    value TEXT,
    count BIGINT,
    status TEXT NOT NULL,
    fetched_at TEXT NOT NULL,
    PRIMARY KEY (kpi, municipality, year, gender)
);

CREATE INDEX kolada_values_by_kpi_year ON kolada_values (kpi, year);

CREATE TABLE kolada_kpis (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    operating_area TEXT NOT NULL,
    divided_by_gender BIGINT NOT NULL,
    municipality_type TEXT NOT NULL,
    publication_date TEXT NOT NULL,
    fetched_at TEXT NOT NULL
);

CREATE TABLE kolada_municipalities (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    fetched_at TEXT NOT NULL
);

CREATE TABLE kolada_groups (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    -- 'kolada' for Kolada's own groups, 'egen' for a list a user chose.
    origin TEXT NOT NULL,
    fetched_at TEXT NOT NULL
);

CREATE TABLE kolada_group_members (
    group_id TEXT NOT NULL,
    municipality TEXT NOT NULL,
    PRIMARY KEY (group_id, municipality)
);

CREATE TABLE kolada_fetches (
    id BIGINT PRIMARY KEY,
    at TEXT NOT NULL,
    fetched_by TEXT NOT NULL,
    origin TEXT NOT NULL,
    pages BIGINT NOT NULL,
    row_count BIGINT NOT NULL,
    inserted BIGINT NOT NULL,
    changed BIGINT NOT NULL,
    removed BIGINT NOT NULL,
    unchanged BIGINT NOT NULL
);

CREATE TABLE peer_choices (
    municipality TEXT PRIMARY KEY,
    group_id TEXT NOT NULL,
    chosen_by TEXT NOT NULL,
    chosen_at TEXT NOT NULL
);
