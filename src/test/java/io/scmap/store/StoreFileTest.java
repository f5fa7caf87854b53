package io.scmap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreFileTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void createsAFreshFileWithTheCurrentSchema() throws Exception {
        Path file = dir.resolve("x.db");
        try (Store store = Store.open(file, CLOCK)) {
            assertThat(store.status().createdAt()).isEqualTo("2025-06-01T10:00:00Z");
            assertThat(store.status().createdBy()).startsWith("scmap ");
        }

        assertThat(Sqlite.query(file, "PRAGMA user_version")).containsExactly(String.valueOf(Store.SCHEMA_VERSION));
        assertThat(Sqlite.query(file, "PRAGMA application_id"))
                .containsExactly(String.valueOf(StoreFile.APPLICATION_ID));
        assertThat(Sqlite.query(file, "PRAGMA journal_mode")).containsExactly("wal");
        assertThat(Sqlite.tables(file)).isEqualTo(Sqlite.CURRENT_TABLES);
        assertThat(Sqlite.query(file, "SELECT value FROM meta WHERE key = 'requests'"))
                .containsExactly("0");
    }

    @Test
    void reopensAnExistingStoreWithoutChangingIt() throws Exception {
        Path file = dir.resolve("x.db");
        try (Store store = Store.open(file, CLOCK)) {
            store.addSeeds(List.of("alice", "bob"));
        }
        List<String> before = Sqlite.dump(file);

        try (Store store = Store.open(file, Clock.systemUTC())) {
            assertThat(store.pendingSeeds()).containsExactly("alice", "bob");
        }

        assertThat(Sqlite.dump(file)).isEqualTo(before);
        assertThat(Sqlite.query(file, "PRAGMA user_version")).containsExactly(String.valueOf(Store.SCHEMA_VERSION));
    }

    @Test
    void treatsAnEmptyFileAsANewStore() throws Exception {
        Path file = Files.createFile(dir.resolve("empty.db"));
        try (Store store = Store.open(file)) {
            assertThat(store.status().accounts()).isZero();
        }
    }

    @Test
    void refusesAStoreWrittenByANewerScmapAndLeavesItUntouched() throws Exception {
        Path file = dir.resolve("x.db");
        Store.open(file).close();
        Sqlite.execute(file, "PRAGMA user_version = 7");
        String hash = Sqlite.sha256(file);

        String message = file + " was written by a newer scmap (schema 7; this version reads up to "
                + Store.SCHEMA_VERSION + ")";
        assertThatThrownBy(() -> Store.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessage(message);
        assertThatThrownBy(() -> Store.openReadOnly(file)).hasMessage(message);
        assertThat(Sqlite.sha256(file)).isEqualTo(hash);
    }

    @Test
    void refusesAnotherApplicationsSqliteFileAndLeavesItUntouched() throws Exception {
        Path file = dir.resolve("photos.db");
        Sqlite.execute(
                file,
                "CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)",
                "INSERT INTO photos VALUES (1, 'a.jpg')");
        String hash = Sqlite.sha256(file);

        assertThatThrownBy(() -> Store.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessage(file + " was not written by scmap");
        assertThatThrownBy(() -> Store.openReadOnly(file)).hasMessage(file + " was not written by scmap");
        assertThat(Sqlite.sha256(file)).isEqualTo(hash);
        assertThat(dir.resolve("photos.db-wal")).doesNotExist();
    }

    @Test
    void refusesAnSqliteFileMarkedByAnotherApplicationEvenWithoutTables() throws Exception {
        Path file = dir.resolve("other.db");
        Sqlite.execute(file, "PRAGMA application_id = 1234");
        String hash = Sqlite.sha256(file);

        assertThatThrownBy(() -> Store.open(file)).hasMessage(file + " was not written by scmap");
        assertThat(Sqlite.sha256(file)).isEqualTo(hash);
    }

    @Test
    void refusesATextFileAndLeavesItUntouched() throws Exception {
        Path file = dir.resolve("x.db");
        Files.writeString(file, "links,names,followers,emerge_date\nalice,Alice,10,2015-01-01\n");
        String hash = Sqlite.sha256(file);

        assertThatThrownBy(() -> Store.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessage(file + " is not an SQLite database");
        assertThatThrownBy(() -> Store.openReadOnly(file)).hasMessage(file + " is not an SQLite database");
        assertThat(Sqlite.sha256(file)).isEqualTo(hash);
        assertThat(dir.resolve("x.db-wal")).doesNotExist();
    }

    @Test
    void refusesAFileThatOnlyStartsLikeSqlite() throws Exception {
        Path file = dir.resolve("x.db");
        byte[] bytes = new byte[4096];
        byte[] magic = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        Files.write(file, bytes);
        String hash = Sqlite.sha256(file);

        assertThatThrownBy(() -> Store.open(file)).isInstanceOf(StoreException.class);
        assertThat(Sqlite.sha256(file)).isEqualTo(hash);
    }

    @Test
    void readOnlyOpenOfAMissingFileFailsClearlyAndCreatesNothing() {
        Path file = dir.resolve("missing.db");

        assertThatThrownBy(() -> Store.openReadOnly(file))
                .isInstanceOf(StoreException.class)
                .hasMessage(file + " does not exist");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void readOnlyStoreRefusesWrites() throws Exception {
        Path file = dir.resolve("x.db");
        Store.open(file).close();
        String hash = Sqlite.sha256(file);

        try (Store store = Store.openReadOnly(file)) {
            assertThat(store.status().scraped()).isZero();
            assertThatThrownBy(() -> store.addSeeds(List.of("alice")))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("read-only");
        }
        assertThat(Sqlite.sha256(file)).isEqualTo(hash);
    }

    @Test
    void readOnlyOpenRefusesAnEmptySqliteFile() throws Exception {
        Path file = dir.resolve("blank.db");
        Sqlite.execute(file, "PRAGMA user_version = 0", "VACUUM");

        assertThatThrownBy(() -> Store.openReadOnly(file)).hasMessageContaining("not an scmap store");
    }

    @Test
    void namesAMissingDirectory() {
        Path file = dir.resolve("no/such/dir/x.db");

        assertThatThrownBy(() -> Store.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void refusesADirectory() {
        assertThatThrownBy(() -> Store.open(dir)).hasMessage(dir + " is a directory, not a store file");
    }

    @Test
    void splitsMigrationScriptsAtLineEndSemicolons() {
        String script =
                "-- a comment; with a semicolon;\nCREATE TABLE a (x TEXT); \n\n-- trailing\nINSERT INTO a VALUES ('1;2');\n-- end\n";

        assertThat(StoreFile.statements(script)).hasSize(2).last().asString().endsWith("INSERT INTO a VALUES ('1;2');");
    }
}
