package io.scmap.store;

import io.scmap.crawl.CrawlLedger;
import io.scmap.crawl.ExpansionScore;
import io.scmap.crawl.InteractionWeights;
import io.scmap.crawl.SkipReason;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An scmap store: one SQLite file holding the crawl's accounts, state, seeds and raw interactions.
 * It is the crawler's {@link CrawlLedger} and the source of the interaction matrix.
 *
 * <p>A store may instead be imported from the reference's files ({@link #createImported}): its
 * matrix's weighted cells stand in for the interactions, its accounts have negative ids, and it can
 * be read like any store but not crawled.
 *
 * <p>{@link #open} creates a missing file or brings an older one to the current schema with
 * versioned migrations; files that are not SQLite, not written by scmap, written by a newer scmap
 * or imported are refused and left byte-for-byte untouched. {@link #openReadOnly} reads every
 * schema from 1 on as it is. The file runs in WAL mode (readers never
 * block the crawler) with foreign keys on and a busy timeout; every ledger write is one
 * transaction of prepared, batched statements, so a killed process leaves either all of an
 * account or none of it.
 *
 * <p>Not thread-safe: use one instance per thread (several processes may share a file).
 */
public final class Store implements CrawlLedger, AutoCloseable {
    /** The schema version this scmap writes and reads. */
    public static final int SCHEMA_VERSION = StoreFile.SCHEMA_VERSION;

    private final Path file;
    private final Connection connection;
    private final @Nullable LedgerWriter writer;
    private final StoreReader reader;

    @FunctionalInterface
    private interface Work {
        void run(LedgerWriter writer) throws SQLException, StoreException;
    }

    @FunctionalInterface
    private interface Query<T> {
        T run() throws SQLException;
    }

    @FunctionalInterface
    private interface Action {
        void run() throws SQLException;
    }

    private final int schemaVersion;

    private Store(Path file, Connection connection, @Nullable LedgerWriter writer) throws SQLException {
        this.file = file;
        this.connection = connection;
        this.writer = writer;
        this.schemaVersion = StoreFile.userVersion(connection);
        this.reader = new StoreReader(connection, schemaVersion >= 2);
    }

    /** Opens {@code file} for reading and writing, creating or migrating it; records creation time from the system clock. */
    public static Store open(Path file) throws StoreException {
        return open(file, Clock.systemUTC());
    }

    /**
     * Opens {@code file} for reading and writing, creating or migrating it.
     *
     * @param clock the time recorded as {@code created_at} in a new file
     * @throws StoreException if the file is not an SQLite database, was not written by scmap, was
     *     written by a newer scmap, was imported (so has no SoundCloud ids to crawl from; in each
     *     case it is left untouched), or cannot be created
     */
    public static Store open(Path file, Clock clock) throws StoreException {
        Connection connection = StoreFile.openWritable(file, toolVersion(), clock);
        try {
            return new Store(file, connection, new LedgerWriter(connection));
        } catch (SQLException e) {
            closeAfter(connection, e);
            throw new StoreException("cannot prepare " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens an existing store for reading only (status, analysis). Never creates or changes a file.
     *
     * @throws StoreException if the file does not exist or is not a current scmap store
     */
    public static Store openReadOnly(Path file) throws StoreException {
        Connection connection = StoreFile.openReadOnly(file);
        try {
            return new Store(file, connection, null);
        } catch (SQLException e) {
            closeAfter(connection, e);
            throw new StoreException("could not read " + file + ": " + StoreFile.reason(e), e);
        }
    }

    /**
     * Writes {@code matrix} into a new store file: its columns and its rows become accounts (a row
     * and a column with one permalink are one account) with negative ids and urns {@code
     * scmap:imported:users:<id>}, its rows scraped accounts in row order, its cells the weights that
     * {@link #forEachImportedCell} gives back, and {@code meta} records the three files' names and
     * SHA-256s and the time. The file appears complete or not at all: it is built under a hidden
     * name beside {@code file}, which a failure or Ctrl-C deletes. Time O(accounts + cells log
     * cells).
     *
     * @param clock the time recorded as the import's and the file's creation
     * @param listener receives the steps {@code accounts}, {@code cells} and {@code finish}
     * @throws IllegalArgumentException if two rows or two columns share a permalink, or a cell is
     *     out of range or not a finite weight >= 0
     * @throws StoreException if {@code file} exists (it is left untouched) or cannot be written
     */
    public static void createImported(Path file, ImportedMatrix matrix, Clock clock, ImportListener listener)
            throws StoreException {
        StoreImporter.create(file, matrix, toolVersion(), clock, listener);
    }

    public Path file() {
        return file;
    }

    // ---- CrawlLedger -------------------------------------------------------------------------

    @Override
    public void addSeeds(List<String> permalinks) throws StoreException {
        write("add seeds to", w -> w.addSeeds(permalinks));
    }

    @Override
    public List<String> pendingSeeds() throws StoreException {
        return read("read the seeds of", reader::pendingSeeds);
    }

    @Override
    public void replayAccounts(AccountSink sink) throws StoreException {
        run("read the accounts of", () -> reader.replayAccounts(sink));
    }

    @Override
    public long requestCount() throws StoreException {
        return read("read the request count of", () -> reader.longMeta("requests"));
    }

    @Override
    public void resolveSeed(String permalink, long accountId, Instant at) throws StoreException {
        write("record the seed " + permalink + " in", w -> w.settleSeed(permalink, accountId, null, at));
    }

    @Override
    public void skipSeed(String permalink, SkipReason reason, Instant at, long requests) throws StoreException {
        write("record the seed " + permalink + " in", w -> {
            w.settleSeed(permalink, -1, reason, at);
            w.addRequests(requests);
        });
    }

    @Override
    public void commit(ScrapedAccount account) throws StoreException {
        write(
                "record the account " + account.profile().permalink() + " (user "
                        + account.profile().id() + ") in",
                w -> w.commit(account));
    }

    @Override
    public void skip(SkippedAccount account) throws StoreException {
        write("record the skipped user " + account.id() + " in", w -> {
            if (!w.skip(account)) {
                throw new StoreException(
                        "cannot skip user " + account.id() + ": unknown to " + file + " and no profile given");
            }
        });
    }

    @Override
    public void addRequests(long requests) throws StoreException {
        write("record the request count in", w -> w.addRequests(requests));
    }

    /** The recorded rule; null where none is recorded, or where it is one this scmap does not know. */
    @Override
    public @Nullable ExpansionScore expansionScore() throws StoreException {
        return read("read the expansion score of", () -> Optional.ofNullable(reader.expansionScore()))
                .orElse(null);
    }

    @Override
    public void recordExpansionScore(ExpansionScore score) throws StoreException {
        Objects.requireNonNull(score, "score");
        write("record the expansion score in", w -> Meta.set(connection, Meta.EXPANSION_SCORE, score.code()));
    }

    // ---- reading -----------------------------------------------------------------------------

    /** Scraped accounts (state done) in crawl order: the interaction matrix's rows. */
    public List<StoredAccount> scrapedAccounts() throws StoreException {
        return read("read the scraped accounts of", reader::scrapedAccounts);
    }

    /** Every account ever encountered, in first-seen order. */
    public List<StoredAccount> encounteredAccounts() throws StoreException {
        return read("read the accounts of", reader::encounteredAccounts);
    }

    /**
     * Accounts that some scraped account interacted with, and the columns of an imported matrix
     * (with the name the columns file gave them), in first-seen order: the matrix's columns.
     */
    public List<StoredAccount> interactedAccounts() throws StoreException {
        return read("read the accounts of", reader::interactedAccounts);
    }

    /**
     * Streams every recorded interaction (source, target, type) to {@code visitor}, grouped by
     * source, without building an object per row. Memory O(1); time O(interactions).
     */
    public void forEachInteraction(InteractionVisitor visitor) throws StoreException {
        run("read the interactions of", () -> reader.forEachInteraction(visitor));
    }

    /** Number of recorded interactions. */
    public long interactionCount() throws StoreException {
        return read("count the interactions of", () -> reader.count("interactions"));
    }

    /**
     * Streams the cells of an imported matrix (source and target account ids, weight) to {@code
     * visitor}, in no particular order; a crawled store has none. Memory O(1); time O(cells).
     */
    public void forEachImportedCell(WeightVisitor visitor) throws StoreException {
        run("read the imported cells of", () -> reader.forEachImportedCell(visitor));
    }

    /**
     * Where an imported store came from (files, time, cells, what the files do not give); null for a
     * crawled store.
     */
    public StoreStatus.@Nullable Import imported() throws StoreException {
        return read("read the import record of", () -> Optional.ofNullable(reader.importRecord()))
                .orElse(null);
    }

    /** Number of imported cells (0 for a crawled store). */
    public long importedCellCount() throws StoreException {
        return read("count the imported cells of", reader::importedCellCount);
    }

    /** {@link #status(int, InteractionWeights)} with the 10 best candidates by the default weights. */
    public StoreStatus status() throws StoreException {
        return status(10, InteractionWeights.DEFAULTS);
    }

    /**
     * What the store holds, read in one snapshot: counts by state and skip reason, requests made,
     * seeds, and the {@code frontierHead} best expansion candidates under {@code weights}, ranked by
     * the recorded {@link #expansionScore() rule} (the weighted one where none is recorded), as the
     * crawl would take them.
     */
    public StoreStatus status(int frontierHead, InteractionWeights weights) throws StoreException {
        if (frontierHead < 0) {
            throw new IllegalArgumentException("frontierHead must be >= 0, got " + frontierHead);
        }
        return read(
                "read the status of",
                () -> inSnapshot(() -> {
                    Map<String, Integer> states = reader.countByState();
                    int accounts = (int) reader.count("accounts");
                    int scraped = states.getOrDefault("done", 0);
                    int skipped = states.getOrDefault("skipped", 0);
                    ExpansionScore rule = reader.expansionScore();
                    return new StoreStatus(
                            file,
                            schemaVersion,
                            Meta.get(connection, "created_at"),
                            Meta.get(connection, "created_by"),
                            reader.longMeta("requests"),
                            accounts,
                            scraped,
                            skipped,
                            accounts - scraped - skipped,
                            reader.skipsByReason(),
                            reader.count("interactions"),
                            reader.seeds(),
                            reader.frontierHead(frontierHead, weights, rule == null ? ExpansionScore.WEIGHTED : rule),
                            reader.importRecord(),
                            rule);
                }));
    }

    @Override
    public void close() throws StoreException {
        try {
            try {
                if (writer != null) {
                    writer.close();
                }
            } finally {
                connection.close();
            }
        } catch (SQLException e) {
            throw new StoreException("could not close " + file + ": " + e.getMessage(), e);
        }
    }

    // ---- plumbing ----------------------------------------------------------------------------

    private void write(String what, Work work) throws StoreException {
        LedgerWriter w = writer;
        if (w == null) {
            throw new StoreException("cannot " + what + " " + file + ": it is open read-only");
        }
        try {
            connection.setAutoCommit(false);
            try {
                work.run(w);
                connection.commit();
            } catch (SQLException | StoreException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("could not " + what + " " + file + ": " + StoreFile.reason(e), e);
        }
    }

    private <T> T read(String what, Query<T> query) throws StoreException {
        try {
            return query.run();
        } catch (SQLException e) {
            throw new StoreException("could not " + what + " " + file + ": " + StoreFile.reason(e), e);
        }
    }

    private void run(String what, Action action) throws StoreException {
        try {
            action.run();
        } catch (SQLException e) {
            throw new StoreException("could not " + what + " " + file + ": " + StoreFile.reason(e), e);
        }
    }

    /** Runs several queries in one read transaction, so they see the same state of the file. */
    private <T> T inSnapshot(Query<T> query) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN DEFERRED");
            try {
                return query.run();
            } finally {
                statement.execute("COMMIT");
            }
        }
    }

    private static String toolVersion() {
        String version = Store.class.getPackage().getImplementationVersion();
        return Objects.requireNonNullElse(version, "dev");
    }

    private static void closeAfter(Connection connection, Exception failure) {
        try {
            connection.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
