-- scmap store, schema version 1.
-- Statements are separated by semicolons at line ends; no semicolons inside statements.

-- Every account the crawl has seen: scraped, skipped, or only interacted with.
-- first_seen numbers accounts 0, 1, 2, ... in the order the crawl first met them (matrix columns).
CREATE TABLE accounts (
    id           INTEGER PRIMARY KEY,
    urn          TEXT    NOT NULL,
    permalink    TEXT    NOT NULL,
    display_name TEXT    NOT NULL,
    followers    INTEGER,                    -- NULL where SoundCloud did not say
    track_count  INTEGER,                    -- NULL where SoundCloud did not say
    emerge_date  TEXT,                       -- ISO date; set when scraped
    first_seen   INTEGER NOT NULL UNIQUE
);

-- Accounts the crawl has finished with; crawl_order numbers them 0, 1, 2, ... (matrix rows).
-- An account without a row here is open: a candidate for expansion.
CREATE TABLE crawl_state (
    account_id   INTEGER PRIMARY KEY REFERENCES accounts (id),
    crawl_order  INTEGER NOT NULL UNIQUE,
    state        TEXT    NOT NULL CHECK (state IN ('done', 'skipped')),
    reason       TEXT,                       -- not_found, no_tracks, ... when skipped
    started_at   TEXT    NOT NULL,           -- ISO instants, UTC
    finished_at  TEXT    NOT NULL,
    CHECK ((state = 'skipped') = (reason IS NOT NULL))
);

-- The seed queue, in the order given. A seed is pending until it resolves to an account
-- (account_id) or is skipped (reason).
CREATE TABLE seeds (
    seed_order   INTEGER PRIMARY KEY,
    permalink    TEXT    NOT NULL UNIQUE,
    account_id   INTEGER REFERENCES accounts (id),
    reason       TEXT,
    resolved_at  TEXT,
    CHECK (account_id IS NULL OR reason IS NULL)
);

-- Raw interactions of scraped accounts, idempotent on their natural key.
CREATE TABLE interactions (
    source_id    INTEGER NOT NULL REFERENCES accounts (id),
    type         TEXT    NOT NULL CHECK (type IN ('like', 'comment', 'repost', 'follow')),
    object_urn   TEXT    NOT NULL,
    target_id    INTEGER NOT NULL REFERENCES accounts (id),
    at           TEXT,                       -- ISO instant where SoundCloud said
    PRIMARY KEY (source_id, type, object_urn)
) WITHOUT ROWID;

-- Scores of expansion candidates are sums over the interactions that target them.
CREATE INDEX interactions_by_target ON interactions (target_id, type);

-- Facts about the file: created_at, created_by (tool version), requests (made to SoundCloud).
CREATE TABLE meta (
    key          TEXT PRIMARY KEY,
    value        TEXT NOT NULL
) WITHOUT ROWID;

INSERT INTO meta (key, value) VALUES ('requests', '0');
