package io.scmap.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Raw SQLite access for tests: run statements, dump tables, hash files. */
final class Sqlite {
    private Sqlite() {}

    /** The tables of a file at the current schema version, by name. */
    static final List<String> CURRENT_TABLES =
            List.of("accounts", "crawl_state", "imported_cells", "imported_columns", "interactions", "meta", "seeds");

    /** The names of the file's tables, sorted. */
    static List<String> tables(Path file) throws SQLException {
        return query(file, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    }

    static void execute(Path file, String... sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            for (String s : sql) {
                statement.execute(s);
            }
        }
    }

    static List<String> query(Path file, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            return rows(rows);
        }
    }

    /** Every row of every table, as text, in primary-key order, table by table. */
    static List<String> dump(Path file) throws SQLException {
        List<String> dump = new ArrayList<>();
        for (String table : List.of("accounts", "crawl_state", "seeds", "interactions", "meta")) {
            String order = table.equals("interactions") ? "1, 2, 3" : "1";
            for (String row : query(file, "SELECT * FROM " + table + " ORDER BY " + order)) {
                dump.add(table + ": " + row);
            }
        }
        return dump;
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> rows(ResultSet rows) throws SQLException {
        List<String> out = new ArrayList<>();
        ResultSetMetaData meta = rows.getMetaData();
        while (rows.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                row.append(i > 1 ? " | " : "").append(rows.getString(i));
            }
            out.add(row.toString());
        }
        return out;
    }
}
