package io.scmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/** The key-value facts of a store file (table {@code meta}). */
final class Meta {
    /** When an imported store was imported (ISO instant); its presence marks the store as imported. */
    static final String IMPORTED_AT = "imported_at";
    /** The name of the imported matrix's file; its SHA-256 is under this key + {@code _sha256}. */
    static final String IMPORTED_MATRIX = "imported_matrix";
    /** The name of the imported row labels' file; its SHA-256 is under this key + {@code _sha256}. */
    static final String IMPORTED_ROWS = "imported_rows";
    /** The name of the imported column labels' file; its SHA-256 is under this key + {@code _sha256}. */
    static final String IMPORTED_COLUMNS = "imported_columns";

    /** The {@link io.scmap.crawl.ExpansionScore#code() code} of the rule the last expanding crawl ranked by. */
    static final String EXPANSION_SCORE = "expansion_score";

    private Meta() {}

    /** Sets a key unless it is set already. */
    static void put(Connection connection, String key, String value) throws SQLException {
        write(connection, "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING", key, value);
    }

    /** Sets a key, replacing its value if set. */
    static void set(Connection connection, String key, String value) throws SQLException {
        write(
                connection,
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                key,
                value);
    }

    private static void write(Connection connection, String sql, String key, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, key);
            statement.setString(2, value);
            statement.executeUpdate();
        }
    }

    static @Nullable String get(Connection connection, String key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            statement.setString(1, key);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
