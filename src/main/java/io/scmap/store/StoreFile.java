package io.scmap.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;

/**
 * Opens store files safely: inspects an existing file through a read-only connection before
 * anything can write to it, refuses files that are not scmap stores or are too new (leaving them
 * byte-for-byte untouched), and brings older schemas up to date with the versioned migration
 * scripts {@code V<n>__<name>.sql}, each in one transaction that also sets {@code user_version}.
 */
final class StoreFile {
    /** {@code PRAGMA application_id} of every scmap store: "SCMP" in ASCII. */
    static final int APPLICATION_ID = 0x53434D50;

    /** Migration scripts in order; script n brings the schema to version n. */
    static final List<String> MIGRATIONS = List.of("V1__init.sql", "V2__imported.sql");

    static final int SCHEMA_VERSION = MIGRATIONS.size();

    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;

    /** The oldest schema a read-only open serves as it is (later migrations only add tables). */
    static final int OLDEST_READABLE_VERSION = 1;

    /**
     * What the header of an existing SQLite file says, and whether it is an imported store (which
     * the crawler must not open).
     */
    record Header(int applicationId, int userVersion, int objects, boolean imported) {}

    private StoreFile() {}

    /** Opens (creating if missing) a store for reading and writing, migrated to the current schema. */
    static Connection openWritable(Path file, String toolVersion, Clock clock) throws StoreException {
        Header header = inspect(file, false);
        if (header != null) {
            check(file, header);
            refuseImported(file, header);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new StoreException("cannot create " + file + ": directory " + parent + " does not exist");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        Connection connection = connect(file, config);
        try {
            Header live = header(connection);
            check(file, live); // the file may have changed since inspection
            refuseImported(file, live);
            migrate(connection, live.userVersion(), toolVersion, clock);
            return connection;
        } catch (SQLException | IOException | StoreException e) {
            closeQuietly(connection, e);
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("could not prepare " + file + ": " + e.getMessage(), e);
        }
    }

    /** Opens an existing store read-only; never creates or changes a file. */
    static Connection openReadOnly(Path file) throws StoreException {
        Header header = inspect(file, true);
        if (header == null) {
            throw new StoreException(file + " is empty: not an scmap store");
        }
        check(file, header);
        if (header.applicationId() != APPLICATION_ID) {
            throw new StoreException(file + " is an empty SQLite database, not an scmap store");
        }
        if (header.userVersion() < OLDEST_READABLE_VERSION) {
            throw new StoreException(file + " uses the older schema " + header.userVersion()
                    + "; open it once for writing (e.g. scmap crawl) to upgrade it to schema " + SCHEMA_VERSION);
        }
        return connect(file, readOnlyConfig());
    }

    /**
     * Reads the header of an existing file without changing it; null for a missing or empty file
     * (which SQLite treats as a new database), unless {@code mustExist}.
     */
    static @Nullable Header inspect(Path file, boolean mustExist) throws StoreException {
        if (Files.isDirectory(file)) {
            throw new StoreException(file + " is a directory, not a store file");
        }
        if (!Files.exists(file)) {
            if (mustExist) {
                throw new StoreException(file + " does not exist");
            }
            return null;
        }
        byte[] head = new byte[MAGIC.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (read == 0) {
            return null;
        }
        if (read < MAGIC.length || !Arrays.equals(head, MAGIC)) {
            throw new StoreException(file + " is not an SQLite database");
        }
        try (Connection connection = connect(file, readOnlyConfig())) {
            return header(connection);
        } catch (SQLException e) {
            throw new StoreException(describe(file, e), e);
        }
    }

    private static void check(Path file, Header header) throws StoreException {
        boolean foreign =
                header.applicationId() != APPLICATION_ID && (header.applicationId() != 0 || header.objects() > 0);
        if (foreign) {
            throw new StoreException(file + " was not written by scmap");
        }
        if (header.userVersion() > SCHEMA_VERSION) {
            throw new StoreException(file + " was written by a newer scmap (schema " + header.userVersion()
                    + "; this version reads up to " + SCHEMA_VERSION + ")");
        }
    }

    /** The crawler's ledger must have SoundCloud ids; an imported store has none. */
    private static void refuseImported(Path file, Header header) throws StoreException {
        if (header.imported()) {
            throw new StoreException(StoreImporter.notCrawlable(file));
        }
    }

    private static Header header(Connection connection) throws SQLException {
        int applicationId = intQuery(connection, "PRAGMA application_id");
        boolean imported = applicationId == APPLICATION_ID
                && intQuery(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'") > 0
                && Meta.get(connection, Meta.IMPORTED_AT) != null;
        return new Header(
                applicationId,
                intQuery(connection, "PRAGMA user_version"),
                intQuery(connection, "SELECT count(*) FROM sqlite_master"),
                imported);
    }

    /** The schema version of an open store. */
    static int userVersion(Connection connection) throws SQLException {
        return intQuery(connection, "PRAGMA user_version");
    }

    /** Runs the migrations after {@code from} up to {@link #SCHEMA_VERSION}, each in one transaction. */
    static void migrate(Connection connection, int from, String toolVersion, Clock clock)
            throws SQLException, IOException {
        for (int version = from + 1; version <= SCHEMA_VERSION; version++) {
            String script = resource(MIGRATIONS.get(version - 1));
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements(script)) {
                    statement.execute(sql);
                }
                if (version == 1) {
                    statement.execute("PRAGMA application_id = " + APPLICATION_ID);
                    Meta.put(connection, "created_at", clock.instant().toString());
                    Meta.put(connection, "created_by", "scmap " + toolVersion);
                }
                statement.execute("PRAGMA user_version = " + version);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** Splits a script into statements at lines that end with a semicolon (comment lines excepted). */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean hasCode = false;
        for (String line : script.split("\n", -1)) {
            String trimmed = line.strip();
            boolean comment = trimmed.startsWith("--");
            current.append(line).append('\n');
            hasCode |= !comment && !trimmed.isEmpty();
            if (!comment && trimmed.endsWith(";")) {
                statements.add(current.toString().strip());
                current.setLength(0);
                hasCode = false;
            }
        }
        if (hasCode) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = StoreFile.class.getResourceAsStream(name)) {
            Objects.requireNonNull(in, () -> "migration script missing from the build: " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static SQLiteConfig readOnlyConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        return config;
    }

    private static Connection connect(Path file, SQLiteConfig config) throws StoreException {
        try {
            return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        } catch (SQLException e) {
            throw new StoreException(describe(file, e), e);
        }
    }

    /** Words for a failure to open a file. */
    static String describe(Path file, SQLException e) {
        String reason = reason(e);
        return reason.startsWith("it is ") ? file + reason.substring(2) : "cannot open " + file + ": " + reason;
    }

    /** Words for an SQLite failure: what the user can act on where SQLite says so, else its message. */
    static String reason(SQLException e) {
        int code = e.getErrorCode() & 0xff; // the primary result code
        if (code == SQLiteErrorCode.SQLITE_NOTADB.code) {
            return "it is not an SQLite database";
        }
        if (code == SQLiteErrorCode.SQLITE_CORRUPT.code) {
            return "it is damaged (SQLite reports corruption)";
        }
        if (code == SQLiteErrorCode.SQLITE_BUSY.code || code == SQLiteErrorCode.SQLITE_LOCKED.code) {
            return "it is locked by another process";
        }
        if (code == SQLiteErrorCode.SQLITE_FULL.code) {
            return "the disk is full";
        }
        return String.valueOf(e.getMessage());
    }

    private static int intQuery(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    private static void closeQuietly(Connection connection, Exception failure) {
        try {
            connection.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
