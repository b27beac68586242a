-- The municipality's graphic profile (issue 20): kept with the municipality, keyed by its
-- four-digit code until the municipality is an entity of its own, and read with each of its
-- budgets. The logo is its file in base64 (the schema keeps to BIGINT and TEXT).

CREATE TABLE municipality_profiles (
    municipality_code TEXT PRIMARY KEY,
    primary_colour TEXT NOT NULL,
    table_colour TEXT NOT NULL,
    font TEXT NOT NULL,
    cover BIGINT NOT NULL,
    cover_text TEXT NOT NULL,
    header TEXT NOT NULL,
    footer TEXT NOT NULL,
    logo TEXT
);
