-- Issue 4: accounts, sessions, API tokens, the adoption workflow and its frozen versions.
-- Portable SQL (SQLite and PostgreSQL); the audit log, which needs each database's own way to
-- number rows and to refuse changes, is in 0004_audit.<backend>.sql.

-- Where the budget's current version is on its way to a decision (styr_domain::workflow).
ALTER TABLE budgets ADD COLUMN status TEXT NOT NULL DEFAULT 'utkast';
ALTER TABLE budgets ADD COLUMN version_number BIGINT NOT NULL DEFAULT 1;

-- Each adopted version, frozen as the budget file it was (readable and comparable forever).
CREATE TABLE budget_versions (
    budget_id BIGINT NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    version_number BIGINT NOT NULL,
    decided_by TEXT NOT NULL,
    decision_date TEXT NOT NULL,
    registry_number TEXT NOT NULL,
    adopted_by TEXT NOT NULL,
    adopted_at TEXT NOT NULL,
    content TEXT NOT NULL,
    PRIMARY KEY (budget_id, version_number)
);

-- People. The password is an Argon2id PHC string; the role is styr_domain::access::RoleKind's
-- key, and a budgetansvarig's unit is its scope.
CREATE TABLE users (
    id BIGINT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    scope_unit TEXT,
    created_at TEXT NOT NULL
);

-- Server-side sessions. Only the SHA-256 of the cookie's value is kept, so a copy of the
-- database does not log anyone in.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

-- Personal API tokens, kept as SHA-256 like sessions; a revoked token stays listed.
CREATE TABLE api_tokens (
    id BIGINT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT
);
