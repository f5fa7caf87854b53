package io.scmap.store;

import io.scmap.crawl.CrawlLedger.AccountSink;
import io.scmap.crawl.CrawlLedger.AccountState;
import io.scmap.crawl.ExpansionScore;
import io.scmap.crawl.InteractionWeights;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.jspecify.annotations.Nullable;

/** The store's queries. Each reads one consistent snapshot (one statement or one read transaction). */
final class StoreReader {
    private static final String ACCOUNT_COLUMNS =
            "a.id, a.urn, a.permalink, a.display_name, a.followers, a.track_count, a.emerge_date";

    private final Connection connection;
    private final boolean importTables;

    /**
     * @param importTables whether the file has schema 2's tables of imported matrices (a schema 1
     *     file opened read-only has none, and so no imported cells)
     */
    StoreReader(Connection connection, boolean importTables) {
        this.connection = connection;
        this.importTables = importTables;
    }

    List<String> pendingSeeds() throws SQLException {
        List<String> seeds = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT permalink FROM seeds"
                        + " WHERE account_id IS NULL AND reason IS NULL ORDER BY seed_order")) {
            while (rows.next()) {
                seeds.add(rows.getString(1));
            }
        }
        return seeds;
    }

    void replayAccounts(AccountSink sink) throws SQLException {
        String sql = "SELECT a.id, a.permalink, c.state, COALESCE(a.followers, -1),"
                + " COALESCE(t.likes, 0), COALESCE(t.comments, 0), COALESCE(t.reposts, 0), COALESCE(t.follows, 0)"
                + " FROM accounts a"
                + " LEFT JOIN crawl_state c ON c.account_id = a.id"
                + " LEFT JOIN (SELECT target_id, SUM(type = 'like') AS likes, SUM(type = 'comment') AS comments,"
                + " SUM(type = 'repost') AS reposts, SUM(type = 'follow') AS follows"
                + " FROM interactions GROUP BY target_id) t ON t.target_id = a.id"
                + " ORDER BY a.first_seen";
        int[] counts = new int[4];
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                String state = rows.getString(3);
                for (int type = 0; type < counts.length; type++) {
                    counts[type] = rows.getInt(5 + type);
                }
                sink.account(
                        rows.getLong(1),
                        rows.getString(2),
                        rows.getLong(4),
                        state == null
                                ? AccountState.OPEN
                                : state.equals("done") ? AccountState.DONE : AccountState.SKIPPED,
                        counts);
            }
        }
    }

    long longMeta(String key) throws SQLException {
        String value = Meta.get(connection, key);
        return value == null ? 0 : Long.parseLong(value);
    }

    List<StoredAccount> scrapedAccounts() throws SQLException {
        return accounts("SELECT " + ACCOUNT_COLUMNS + " FROM crawl_state c JOIN accounts a ON a.id = c.account_id"
                + " WHERE c.state = 'done' ORDER BY c.crawl_order");
    }

    List<StoredAccount> encounteredAccounts() throws SQLException {
        return accounts("SELECT " + ACCOUNT_COLUMNS + " FROM accounts a ORDER BY a.first_seen");
    }

    /** Accounts some scraped account interacted with, and an imported matrix's columns (with their own names). */
    List<StoredAccount> interactedAccounts() throws SQLException {
        String interacted = "EXISTS (SELECT 1 FROM interactions i WHERE i.target_id = a.id)";
        if (!importTables) {
            return accounts(
                    "SELECT " + ACCOUNT_COLUMNS + " FROM accounts a WHERE " + interacted + " ORDER BY a.first_seen");
        }
        return accounts("SELECT " + ACCOUNT_COLUMNS.replace("a.display_name", "COALESCE(ic.name, a.display_name)")
                + " FROM accounts a LEFT JOIN imported_columns ic ON ic.account_id = a.id"
                + " WHERE ic.account_id IS NOT NULL OR " + interacted + " ORDER BY a.first_seen");
    }

    void forEachImportedCell(WeightVisitor visitor) throws SQLException {
        if (!importTables) {
            return;
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT source_id, target_id, weight FROM imported_cells")) {
            while (rows.next()) {
                visitor.accept(rows.getLong(1), rows.getLong(2), rows.getDouble(3));
            }
        }
    }

    long importedCellCount() throws SQLException {
        return importTables ? count("imported_cells") : 0;
    }

    /** Where an imported store came from, or null for a crawled one. */
    StoreStatus.@Nullable Import importRecord() throws SQLException {
        String at = Meta.get(connection, Meta.IMPORTED_AT);
        if (at == null) {
            return null;
        }
        return new StoreStatus.Import(
                at,
                sourceFile(Meta.IMPORTED_MATRIX),
                sourceFile(Meta.IMPORTED_ROWS),
                sourceFile(Meta.IMPORTED_COLUMNS),
                importedCellCount(),
                accountsWithoutFollowers());
    }

    private SourceFile sourceFile(String key) throws SQLException {
        String name = Meta.get(connection, key);
        String sha256 = Meta.get(connection, key + "_sha256");
        if (name == null || sha256 == null) {
            throw new SQLException("meta lacks " + key + " or " + key + "_sha256 although the store was imported");
        }
        return new SourceFile(name, sha256);
    }

    void forEachInteraction(InteractionVisitor visitor) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT source_id, target_id, " + TypeCodes.CASE_NUMBER + " FROM interactions")) {
            while (rows.next()) {
                visitor.accept(rows.getLong(1), rows.getLong(2), TypeCodes.BY_NUMBER[rows.getInt(3)]);
            }
        }
    }

    /** Accounts whose follower count is not known. */
    int accountsWithoutFollowers() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM accounts WHERE followers IS NULL")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    long count(String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    /** Counts of finished accounts by state, and skips (accounts and seeds) by reason, most first. */
    Map<String, Integer> countByState() throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT state, count(*) FROM crawl_state GROUP BY state")) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
        }
        return counts;
    }

    Map<String, Integer> skipsByReason() throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        String sql = "SELECT reason, count(*) AS n FROM (SELECT reason FROM crawl_state WHERE reason IS NOT NULL"
                + " UNION ALL SELECT reason FROM seeds WHERE reason IS NOT NULL) GROUP BY reason ORDER BY n DESC, reason";
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
        }
        return counts;
    }

    List<StoreStatus.Seed> seeds() throws SQLException {
        List<StoreStatus.Seed> seeds = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT permalink, account_id, reason FROM seeds ORDER BY seed_order")) {
            while (rows.next()) {
                long id = rows.getLong(2);
                seeds.add(new StoreStatus.Seed(rows.getString(1), rows.wasNull() ? -1 : id, rows.getString(3)));
            }
        }
        return seeds;
    }

    /** The recorded expansion rule; null where none is recorded or its code is unknown. */
    @Nullable
    ExpansionScore expansionScore() throws SQLException {
        String code = Meta.get(connection, Meta.EXPANSION_SCORE);
        return code == null ? null : ExpansionScore.fromCode(code).orElse(null);
    }

    /**
     * The open accounts with the highest score under {@code rule}, best first, ties by first-seen
     * order, as the crawler picks them (the weighted count is summed in the same order as {@link
     * InteractionWeights#score}, then {@link ExpansionScore#of} applied). The weighted rule is ranked
     * by SQLite; another rule reads every candidate and keeps the best in a heap of {@code limit},
     * O(candidates log limit).
     */
    List<StoreStatus.Candidate> frontierHead(int limit, InteractionWeights weights, ExpansionScore rule)
            throws SQLException {
        boolean inSql = rule == ExpansionScore.WEIGHTED;
        String sql = "SELECT a.id, a.permalink, a.display_name, a.followers, s.score FROM"
                + " (SELECT target_id, SUM(type = 'like') * ? + SUM(type = 'comment') * ?"
                + " + SUM(type = 'repost') * ? + SUM(type = 'follow') * ? AS score"
                + " FROM interactions GROUP BY target_id) s"
                + " JOIN accounts a ON a.id = s.target_id"
                + " WHERE NOT EXISTS (SELECT 1 FROM crawl_state c WHERE c.account_id = a.id)"
                + (inSql ? " ORDER BY s.score DESC, a.first_seen LIMIT ?" : " ORDER BY a.first_seen");
        Comparator<Ranked> worstFirst = Comparator.comparingDouble(Ranked::score)
                .thenComparing(Comparator.comparingLong(Ranked::seen).reversed());
        PriorityQueue<Ranked> best = new PriorityQueue<>(worstFirst);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            double[] w = weights.toArray();
            for (int type = 0; type < w.length; type++) {
                statement.setDouble(type + 1, w[type]);
            }
            if (inSql) {
                statement.setInt(5, limit);
            }
            try (ResultSet rows = statement.executeQuery()) {
                for (long seen = 0; rows.next(); seen++) {
                    long followers = rows.getLong(4);
                    long known = rows.wasNull() ? -1 : followers;
                    StoreStatus.Candidate candidate = new StoreStatus.Candidate(
                            rows.getLong(1),
                            rows.getString(2),
                            rows.getString(3),
                            known,
                            rule.of(rows.getDouble(5), known));
                    best.add(new Ranked(candidate, seen));
                    if (best.size() > limit) {
                        best.poll();
                    }
                }
            }
        }
        List<Ranked> ranked = new ArrayList<>(best);
        ranked.sort(worstFirst.reversed());
        return ranked.stream().map(Ranked::candidate).toList();
    }

    /** A candidate and its place in the order of its query, for ranking. */
    private record Ranked(StoreStatus.Candidate candidate, long seen) {
        double score() {
            return candidate.score();
        }
    }

    private List<StoredAccount> accounts(String sql) throws SQLException {
        List<StoredAccount> accounts = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                long followers = rows.getLong(5);
                long knownFollowers = rows.wasNull() ? -1 : followers;
                int trackCount = rows.getInt(6);
                int knownTrackCount = rows.wasNull() ? -1 : trackCount;
                String emerge = rows.getString(7);
                accounts.add(new StoredAccount(
                        rows.getLong(1),
                        rows.getString(2),
                        rows.getString(3),
                        rows.getString(4),
                        knownFollowers,
                        knownTrackCount,
                        emerge == null ? null : LocalDate.parse(emerge)));
            }
        }
        return accounts;
    }
}
