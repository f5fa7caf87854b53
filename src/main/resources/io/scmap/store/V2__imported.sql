-- scmap store, schema version 2: stores imported from the reference's files (scmap import).
-- Statements are separated by semicolons at line ends; no semicolons inside statements.
--
-- The reference published its crawl as a matrix of combined weights (like 1, comment, repost and
-- follow 3 each) with row and column labels: no typed interactions and no SoundCloud ids. An
-- imported store keeps the weights as cells, numbers its accounts with negative ids (SoundCloud's
-- are positive) and gives them urns 'scmap:imported:users:<id>'. Its rows are the scraped (done)
-- accounts in crawl_state; meta records imported_at and the three files' names and SHA-256s.
-- A crawled store leaves both tables empty.

-- The columns of an imported matrix; their order is the accounts' first_seen order. name is the
-- column's label as the columns file gave it where that differs from the account's display_name
-- (which a row's label sets), else NULL.
CREATE TABLE imported_columns (
    account_id   INTEGER PRIMARY KEY REFERENCES accounts (id),
    name         TEXT
) WITHOUT ROWID;

-- The stored cells of an imported matrix: the combined weight of row account source_id's
-- interactions with column account target_id. Explicit zeros are kept, as scipy keeps them.
-- weight has no declared type, so SQLite converts nothing: whole weights are written as integers
-- (0 to 3 bytes instead of a REAL's 8), others as REAL, and each reads back as the same double.
CREATE TABLE imported_cells (
    source_id    INTEGER NOT NULL REFERENCES accounts (id),
    target_id    INTEGER NOT NULL REFERENCES imported_columns (account_id),
    weight               NOT NULL CHECK (weight >= 0),
    PRIMARY KEY (source_id, target_id)
) WITHOUT ROWID;
