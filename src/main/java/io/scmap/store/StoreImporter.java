package io.scmap.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * Writes an imported matrix into a new store file, atomically. Steps: lay out the accounts (one
 * per distinct permalink), build the whole store in a hidden file beside the target (no journal
 * and no fsync per write: a failed build is simply deleted), force it to disk, then link it to the
 * target's name, which fails if that name has appeared meanwhile. The file keeps SQLite's rollback
 * journal mode rather than WAL: nothing writes it again, and so reading it creates no {@code -wal}
 * or {@code -shm} files beside it. A failure, or Ctrl-C (through a shutdown hook), deletes the
 * hidden file, so the target either does not exist or is complete. Time O(accounts + cells log
 * cells); memory O(accounts).
 */
final class StoreImporter {
    /** The urn of imported account {@code id}: recognisably not SoundCloud's {@code soundcloud:users:}. */
    static final String URN_PREFIX = "scmap:imported:users:";

    private static final int BATCH = 10_000;
    private static final int REPORT_EVERY = 1 << 16;
    private static final long NEGATIVE_ZERO = Double.doubleToRawLongBits(-0.0);

    private StoreImporter() {}

    /** Words for a store that was imported and so cannot be crawled. */
    static String notCrawlable(Path file) {
        return file + " was imported from the reference's files; its accounts carry no SoundCloud ids,"
                + " so it can be analysed, exported and rendered but not crawled";
    }

    static void create(Path file, ImportedMatrix matrix, String toolVersion, Clock clock, ImportListener listener)
            throws StoreException {
        refuseExisting(file);
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new StoreException("cannot create " + file + ": directory " + dir + " does not exist");
        }
        ImportLayout layout = ImportLayout.of(matrix);
        Path hidden = createHidden(dir, file);
        Thread cleanup = new Thread(() -> deleteQuietly(hidden));
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            build(hidden, matrix, layout, toolVersion, clock, listener);
            listener.progress("finish", 0.5);
            force(hidden);
            publish(hidden, file);
            listener.progress("finish", 1);
        } catch (SQLException e) {
            throw new StoreException("could not import into " + file + ": " + StoreFile.reason(e), e);
        } catch (IOException e) {
            throw new StoreException("could not write " + file + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(hidden);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running and deletes the hidden file itself
            }
        }
    }

    private static void refuseExisting(Path file) throws StoreException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new StoreException(
                    file + " already exists: scmap import writes a new database and leaves existing files alone");
        }
    }

    /** An empty hidden file beside the target, created with the default permissions (as SQLite would). */
    private static Path createHidden(Path dir, Path file) throws StoreException {
        String stem =
                "." + file.getFileName() + ".import-" + ProcessHandle.current().pid();
        for (int attempt = 0; ; attempt++) {
            Path hidden = dir.resolve(stem + "-" + attempt);
            try {
                return Files.createFile(hidden);
            } catch (FileAlreadyExistsException taken) {
                if (attempt == 100) {
                    throw new StoreException(
                            "cannot create a temporary file beside " + file + ": " + hidden + " and 100 others exist");
                }
            } catch (IOException e) {
                throw new StoreException("cannot create " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private static void build(
            Path hidden,
            ImportedMatrix matrix,
            ImportLayout layout,
            String toolVersion,
            Clock clock,
            ImportListener listener)
            throws SQLException, IOException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.OFF);
        config.setSynchronous(SQLiteConfig.SynchronousMode.OFF);
        config.setLockingMode(SQLiteConfig.LockingMode.EXCLUSIVE);
        config.setCacheSize(-65_536); // 64 MiB: the cells' b-tree stays in memory while it grows
        try (Connection connection = config.createConnection("jdbc:sqlite:" + hidden.toAbsolutePath())) {
            Instant now = clock.instant();
            StoreFile.migrate(connection, 0, toolVersion, Clock.fixed(now, ZoneOffset.UTC));
            String at = now.toString();
            connection.setAutoCommit(false);
            writeAccounts(connection, matrix, layout, at, listener);
            writeCells(connection, matrix, layout, listener);
            writeMeta(connection, matrix, at);
            connection.commit();
            connection.setAutoCommit(true);
            listener.progress("finish", 0);
        }
    }

    private static void writeAccounts(
            Connection connection, ImportedMatrix matrix, ImportLayout layout, String at, ImportListener listener)
            throws SQLException {
        listener.progress("accounts", 0);
        try (PreparedStatement account = connection.prepareStatement("INSERT INTO accounts"
                + " (id, urn, permalink, display_name, followers, track_count, emerge_date, first_seen)"
                + " VALUES (?, ?, ?, ?, ?, NULL, ?, ?)")) {
            int count = layout.accountCount();
            for (int k = 0; k < count; k++) {
                ImportedAccount a = layout.account(k);
                long id = layout.id(k);
                account.setLong(1, id);
                account.setString(2, URN_PREFIX + id);
                account.setString(3, a.permalink());
                account.setString(4, a.displayName());
                if (a.followers() < 0) {
                    account.setNull(5, Types.INTEGER);
                } else {
                    account.setLong(5, a.followers());
                }
                account.setString(6, a.emergeDate() == null ? null : String.valueOf(a.emergeDate()));
                account.setInt(7, k);
                account.addBatch();
                if (k % BATCH == BATCH - 1) {
                    account.executeBatch();
                    listener.progress("accounts", 0.8 * k / count);
                }
            }
            account.executeBatch();
        }
        writeColumns(connection, matrix.columns(), layout);
        writeRows(connection, matrix.rows().size(), layout, at);
        listener.progress("accounts", 1);
    }

    /** The columns, with their own name where it differs from the account's. */
    private static void writeColumns(Connection connection, List<ImportedAccount> columns, ImportLayout layout)
            throws SQLException {
        try (PreparedStatement column =
                connection.prepareStatement("INSERT INTO imported_columns (account_id, name) VALUES (?, ?)")) {
            for (int j = 0; j < columns.size(); j++) {
                String name = columns.get(j).displayName();
                column.setLong(1, layout.columnId(j));
                column.setString(2, name.equals(layout.account(j).displayName()) ? null : name);
                column.addBatch();
            }
            column.executeBatch();
        }
    }

    /** The rows as accounts scraped in row order, at the time of the import. */
    private static void writeRows(Connection connection, int rows, ImportLayout layout, String at) throws SQLException {
        try (PreparedStatement state = connection.prepareStatement("INSERT INTO crawl_state"
                + " (account_id, crawl_order, state, reason, started_at, finished_at)"
                + " VALUES (?, ?, 'done', NULL, ?, ?)")) {
            for (int i = 0; i < rows; i++) {
                state.setLong(1, layout.rowId(i));
                state.setInt(2, i);
                state.setString(3, at);
                state.setString(4, at);
                state.addBatch();
            }
            state.executeBatch();
        }
    }

    private static void writeCells(
            Connection connection, ImportedMatrix matrix, ImportLayout layout, ImportListener listener)
            throws SQLException {
        listener.progress("cells", 0);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO imported_cells (source_id, target_id, weight) VALUES (?, ?, ?)")) {
            CellWriter writer = new CellWriter(insert, matrix, layout, listener);
            try {
                matrix.cells().forEach(writer);
            } catch (SqlFailure failure) {
                throw failure.cause;
            }
            insert.executeBatch();
        }
        listener.progress("cells", 1);
    }

    /** Checks each cell and adds it to the batch insert, executing a batch every {@link #BATCH} cells. */
    private static final class CellWriter implements CellVisitor {
        private final PreparedStatement insert;
        private final ImportLayout layout;
        private final ImportListener listener;
        private final int rows;
        private final int columns;
        private final double total;
        private long written;

        CellWriter(PreparedStatement insert, ImportedMatrix matrix, ImportLayout layout, ImportListener listener) {
            this.insert = insert;
            this.layout = layout;
            this.listener = listener;
            this.rows = matrix.rows().size();
            this.columns = matrix.columns().size();
            this.total = Math.max(1, matrix.cellCount());
        }

        @Override
        public void accept(int row, int column, double weight) {
            if (row < 0 || row >= rows || column < 0 || column >= columns) {
                throw new IllegalArgumentException(
                        "cell (" + row + ", " + column + ") is outside the " + rows + " x " + columns + " matrix");
            }
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException(
                        "cell (" + row + ", " + column + ") must have a finite weight >= 0, got " + weight);
            }
            try {
                insert.setLong(1, layout.rowId(row));
                insert.setLong(2, layout.columnId(column));
                setWeight(insert, weight);
                insert.addBatch();
                if (++written % BATCH == 0) {
                    insert.executeBatch();
                }
            } catch (SQLException e) {
                throw new SqlFailure(e);
            }
            if (written % REPORT_EVERY == 0) {
                listener.progress("cells", Math.min(1, written / total));
            }
        }
    }

    /**
     * Binds a whole weight as an integer, which the untyped weight column stores in 0 to 3 bytes
     * instead of 8 and reads back as the same double; other weights (and -0.0) as doubles.
     */
    private static void setWeight(PreparedStatement statement, double weight) throws SQLException {
        if (weight == Math.rint(weight)
                && Math.abs(weight) < 0x1p53
                && Double.doubleToRawLongBits(weight) != NEGATIVE_ZERO) {
            statement.setLong(3, (long) weight);
        } else {
            statement.setDouble(3, weight);
        }
    }

    private static void writeMeta(Connection connection, ImportedMatrix matrix, String at) throws SQLException {
        Meta.put(connection, Meta.IMPORTED_AT, at);
        Meta.put(connection, Meta.IMPORTED_MATRIX, matrix.matrixFile().name());
        Meta.put(
                connection,
                Meta.IMPORTED_MATRIX + "_sha256",
                matrix.matrixFile().sha256());
        Meta.put(connection, Meta.IMPORTED_ROWS, matrix.rowsFile().name());
        Meta.put(connection, Meta.IMPORTED_ROWS + "_sha256", matrix.rowsFile().sha256());
        Meta.put(connection, Meta.IMPORTED_COLUMNS, matrix.columnsFile().name());
        Meta.put(
                connection,
                Meta.IMPORTED_COLUMNS + "_sha256",
                matrix.columnsFile().sha256());
    }

    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Gives the finished file its name, never replacing a file that has appeared meanwhile. */
    private static void publish(Path hidden, Path file) throws IOException, StoreException {
        try {
            Files.createLink(file, hidden);
        } catch (FileAlreadyExistsException e) {
            refuseExisting(file);
            throw e;
        } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
            try {
                Files.move(hidden, file); // without REPLACE_EXISTING: fails if the name exists
            } catch (FileAlreadyExistsException e) {
                refuseExisting(file);
                throw e;
            }
        }
    }

    /** Deletes the hidden file and whatever SQLite may have put beside it. */
    private static void deleteQuietly(Path hidden) {
        for (String suffix : List.of("", "-journal", "-wal", "-shm")) {
            try {
                Files.deleteIfExists(Path.of(hidden + suffix));
            } catch (IOException e) {
                // best effort: a hidden leftover is harmless and named for what it is
            }
        }
    }

    /** Carries an SQLite failure out of a cell visitor. */
    private static final class SqlFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        @SuppressWarnings("serial")
        final SQLException cause;

        SqlFailure(SQLException cause) {
            super(cause);
            this.cause = cause;
        }
    }
}
