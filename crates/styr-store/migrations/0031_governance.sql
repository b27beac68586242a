-- The municipality's register of governance documents (styrdokument), keyed by the
-- municipality code ("1489") until the municipality is an entity of its own. `version` moves
-- with every save, so a form read before someone else's save is refused rather than replacing
-- it unseen.
CREATE TABLE governance_documents (
    municipality_code TEXT NOT NULL,
    id TEXT NOT NULL,
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
    version BIGINT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (municipality_code, id)
);
