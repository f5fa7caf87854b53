package io.scmap.store;

import io.scmap.crawl.CrawlLedger.ScrapedAccount;
import io.scmap.crawl.CrawlLedger.SkippedAccount;
import io.scmap.crawl.SkipReason;
import io.scmap.source.Account;
import io.scmap.source.Interaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The crawl's writes, each one transaction of prepared statements (the caller opens and commits
 * it). First-seen and crawl order numbers are the next integer after the current maximum, read
 * inside the transaction, so they stay gapless and survive rollbacks and restarts.
 */
final class LedgerWriter implements AutoCloseable {
    private final PreparedStatement upsertProfile;
    private final PreparedStatement insertTarget;
    private final PreparedStatement insertInteraction;
    private final PreparedStatement insertState;
    private final PreparedStatement selectState;
    private final PreparedStatement selectAccount;
    private final PreparedStatement insertSeed;
    private final PreparedStatement settleSeed;
    private final PreparedStatement addRequests;

    LedgerWriter(Connection connection) throws SQLException {
        String nextFirstSeen = "(SELECT COALESCE(MAX(first_seen) + 1, 0) FROM accounts)";
        upsertProfile = connection.prepareStatement("INSERT INTO accounts"
                + " (id, urn, permalink, display_name, followers, track_count, emerge_date, first_seen)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, " + nextFirstSeen + ")"
                + " ON CONFLICT (id) DO UPDATE SET urn = excluded.urn, permalink = excluded.permalink,"
                + " display_name = excluded.display_name, followers = excluded.followers,"
                + " track_count = excluded.track_count,"
                + " emerge_date = COALESCE(excluded.emerge_date, accounts.emerge_date)");
        insertTarget = connection.prepareStatement("INSERT INTO accounts"
                + " (id, urn, permalink, display_name, followers, track_count, emerge_date, first_seen)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, " + nextFirstSeen + ") ON CONFLICT (id) DO NOTHING");
        insertInteraction = connection.prepareStatement("INSERT INTO interactions"
                + " (source_id, type, object_urn, target_id, at) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (source_id, type, object_urn) DO NOTHING");
        insertState = connection.prepareStatement("INSERT INTO crawl_state"
                + " (account_id, crawl_order, state, reason, started_at, finished_at)"
                + " VALUES (?, (SELECT COALESCE(MAX(crawl_order) + 1, 0) FROM crawl_state), ?, ?, ?, ?)");
        selectState = connection.prepareStatement("SELECT state FROM crawl_state WHERE account_id = ?");
        selectAccount = connection.prepareStatement("SELECT 1 FROM accounts WHERE id = ?");
        insertSeed = connection.prepareStatement("INSERT INTO seeds (seed_order, permalink)"
                + " VALUES ((SELECT COALESCE(MAX(seed_order) + 1, 0) FROM seeds), ?)"
                + " ON CONFLICT (permalink) DO NOTHING");
        settleSeed = connection.prepareStatement("UPDATE seeds SET account_id = ?, reason = ?, resolved_at = ?"
                + " WHERE permalink = ? AND account_id IS NULL AND reason IS NULL");
        addRequests = connection.prepareStatement(
                "UPDATE meta SET value = CAST(value AS INTEGER) + ? WHERE key = 'requests'");
    }

    void addSeeds(List<String> permalinks) throws SQLException {
        for (String permalink : permalinks) {
            insertSeed.setString(1, permalink);
            insertSeed.addBatch();
        }
        insertSeed.executeBatch();
    }

    void commit(ScrapedAccount account) throws SQLException {
        Account profile = account.profile();
        if (isFinished(profile.id())) {
            addRequests(account.requests());
            return;
        }
        writeAccount(upsertProfile, profile, account.emergeDate());
        upsertProfile.executeUpdate();
        for (Interaction interaction : account.interactions()) {
            writeAccount(insertTarget, interaction.target(), null);
            insertTarget.addBatch();
        }
        insertTarget.executeBatch();
        for (Interaction interaction : account.interactions()) {
            insertInteraction.setLong(1, profile.id());
            insertInteraction.setString(2, TypeCodes.code(interaction.type()));
            insertInteraction.setString(3, interaction.objectUrn());
            insertInteraction.setLong(4, interaction.target().id());
            setInstant(insertInteraction, 5, interaction.at());
            insertInteraction.addBatch();
        }
        insertInteraction.executeBatch();
        finish(profile.id(), null, account.startedAt(), account.finishedAt());
        if (account.seed() != null) {
            settleSeed(account.seed(), profile.id(), null, account.finishedAt());
        }
        addRequests(account.requests());
    }

    /** Records a skipped account; returns false when the account is unknown and no profile came with it. */
    boolean skip(SkippedAccount account) throws SQLException {
        if (isFinished(account.id())) {
            addRequests(account.requests());
            return true;
        }
        Account profile = account.profile();
        if (profile != null) {
            writeAccount(upsertProfile, profile, null);
            upsertProfile.executeUpdate();
        } else if (!exists(account.id())) {
            return false;
        }
        finish(account.id(), account.reason(), account.startedAt(), account.finishedAt());
        if (account.seed() != null) {
            settleSeed(account.seed(), account.id(), null, account.finishedAt());
        }
        addRequests(account.requests());
        return true;
    }

    void settleSeed(String permalink, long accountId, @Nullable SkipReason reason, Instant at) throws SQLException {
        if (accountId < 0) {
            settleSeed.setNull(1, Types.INTEGER);
        } else {
            settleSeed.setLong(1, accountId);
        }
        settleSeed.setString(2, reason == null ? null : reason.code());
        settleSeed.setString(3, at.toString());
        settleSeed.setString(4, permalink);
        settleSeed.executeUpdate();
    }

    void addRequests(long requests) throws SQLException {
        if (requests != 0) {
            addRequests.setLong(1, requests);
            addRequests.executeUpdate();
        }
    }

    private boolean isFinished(long id) throws SQLException {
        selectState.setLong(1, id);
        try (ResultSet rows = selectState.executeQuery()) {
            return rows.next();
        }
    }

    private boolean exists(long id) throws SQLException {
        selectAccount.setLong(1, id);
        try (ResultSet rows = selectAccount.executeQuery()) {
            return rows.next();
        }
    }

    private void finish(long id, @Nullable SkipReason reason, Instant startedAt, Instant finishedAt)
            throws SQLException {
        insertState.setLong(1, id);
        insertState.setString(2, reason == null ? "done" : "skipped");
        insertState.setString(3, reason == null ? null : reason.code());
        insertState.setString(4, startedAt.toString());
        insertState.setString(5, finishedAt.toString());
        insertState.executeUpdate();
    }

    private static void writeAccount(PreparedStatement statement, Account account, @Nullable LocalDate emergeDate)
            throws SQLException {
        statement.setLong(1, account.id());
        statement.setString(2, account.urn());
        statement.setString(3, account.permalink());
        statement.setString(4, account.displayName());
        setCount(statement, 5, account.followers());
        setCount(statement, 6, account.trackCount());
        statement.setString(7, emergeDate == null ? null : emergeDate.toString());
    }

    private static void setCount(PreparedStatement statement, int index, long count) throws SQLException {
        if (count < 0) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setLong(index, count);
        }
    }

    private static void setInstant(PreparedStatement statement, int index, @Nullable Instant at) throws SQLException {
        statement.setString(index, at == null ? null : at.toString());
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement statement : List.of(
                upsertProfile,
                insertTarget,
                insertInteraction,
                insertState,
                selectState,
                selectAccount,
                insertSeed,
                settleSeed,
                addRequests)) {
            statement.close();
        }
    }
}
