package io.scmap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small imported matrix:
 *
 * <pre>
 *            columns: a  b  c  x  (x has no cell)
 * row a         0.25  .  3  .
 * row b            1  7  .  .
 * row z (not a column)  .  0  1e20  .   (an explicit zero)
 * </pre>
 */
class StoreImportTest {
    private static final Instant T = Instant.parse("2025-06-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T, ZoneOffset.UTC);
    private static final String HASH = "ab".repeat(32);

    @TempDir
    Path dir;

    private static ImportedMatrix matrix(List<ImportedAccount> rows, List<ImportedAccount> columns, double[][] cells) {
        return new ImportedMatrix(
                rows,
                columns,
                cells.length,
                visitor -> {
                    for (double[] c : cells) {
                        visitor.accept((int) c[0], (int) c[1], c[2]);
                    }
                },
                new SourceFile("sparse_matrix.npz", HASH),
                new SourceFile("remaining_seeds.csv", "cd".repeat(32)),
                new SourceFile("seeds.csv", "ef".repeat(32)));
    }

    private static ImportedMatrix small() {
        return matrix(
                List.of(
                        new ImportedAccount("a", "Alice", 120, LocalDate.parse("2014-03-02")),
                        new ImportedAccount("b", "<b>Bob</b>", -1, null),
                        new ImportedAccount("z", "Zed", 5, LocalDate.parse("2021-12-31"))),
                List.of(
                        new ImportedAccount("a", "alice (column)", -1, null),
                        new ImportedAccount("b", "<b>Bob</b>", -1, null),
                        new ImportedAccount("c", "Carol", -1, null),
                        new ImportedAccount("x", "Xavier", -1, null)),
                new double[][] {{0, 0, 0.25}, {0, 2, 3}, {1, 0, 1}, {1, 1, 7}, {2, 1, 0}, {2, 2, 1e20}});
    }

    private List<String> cells(Path file) throws Exception {
        List<String> cells = new ArrayList<>();
        try (Store store = Store.openReadOnly(file)) {
            store.forEachImportedCell((s, t, w) -> cells.add(s + " " + t + " " + w));
        }
        return cells;
    }

    private List<Path> leftovers() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(".")).toList();
        }
    }

    @Test
    void writesAccountsWithNegativeIdsRowsAsScrapedAndCellsAsGiven() throws Exception {
        Path file = dir.resolve("imported.db");
        Store.createImported(file, small(), CLOCK, ImportListener.NONE);

        assertThat(Sqlite.query(
                        file,
                        "SELECT id || ' ' || urn || ' ' || permalink || ' ' || display_name || ' '"
                                + " || COALESCE(followers, '?') || ' ' || COALESCE(emerge_date, '?') FROM accounts"
                                + " ORDER BY first_seen"))
                .containsExactly(
                        "-5 scmap:imported:users:-5 a Alice 120 2014-03-02",
                        "-4 scmap:imported:users:-4 b <b>Bob</b> ? ?",
                        "-3 scmap:imported:users:-3 c Carol ? ?",
                        "-2 scmap:imported:users:-2 x Xavier ? ?",
                        "-1 scmap:imported:users:-1 z Zed 5 2021-12-31");
        assertThat(Sqlite.query(
                        file,
                        "SELECT account_id || ' ' || crawl_order || ' ' || state || ' ' || finished_at"
                                + " FROM crawl_state ORDER BY crawl_order"))
                .containsExactly("-5 0 done " + T, "-4 1 done " + T, "-1 2 done " + T);
        assertThat(cells(file))
                .containsExactlyInAnyOrder(
                        "-5 -5 0.25", "-5 -3 3.0", "-4 -5 1.0", "-4 -4 7.0", "-1 -4 0.0", "-1 -3 1.0E20");
        assertThat(Sqlite.query(file, "PRAGMA foreign_key_check")).isEmpty();
        assertThat(Sqlite.query(file, "PRAGMA integrity_check")).containsExactly("ok");
        assertThat(Sqlite.query(file, "PRAGMA journal_mode"))
                .as("never written again, so no WAL files appear when it is read")
                .containsExactly("delete");
        assertThat(Sqlite.query(file, "PRAGMA user_version")).containsExactly(String.valueOf(Store.SCHEMA_VERSION));
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void readsBackColumnsInOrderWithTheirOwnNamesIncludingColumnsWithoutCells() throws Exception {
        Path file = dir.resolve("imported.db");
        Store.createImported(file, small(), CLOCK, ImportListener.NONE);

        try (Store store = Store.openReadOnly(file)) {
            assertThat(store.scrapedAccounts())
                    .extracting(StoredAccount::permalink)
                    .containsExactly("a", "b", "z");
            assertThat(store.interactedAccounts())
                    .extracting(a -> a.permalink() + "=" + a.displayName())
                    .containsExactly("a=alice (column)", "b=<b>Bob</b>", "c=Carol", "x=Xavier");
            assertThat(store.scrapedAccounts().get(0).displayName()).isEqualTo("Alice");
            assertThat(store.importedCellCount()).isEqualTo(6);
            assertThat(store.interactionCount()).isZero();
        }
    }

    @Test
    void statusRecordsTheImportAndItsSources() throws Exception {
        Path file = dir.resolve("imported.db");
        Store.createImported(file, small(), CLOCK, ImportListener.NONE);

        try (Store store = Store.openReadOnly(file)) {
            StoreStatus status = store.status();
            assertThat(status.imported()).isNotNull();
            assertThat(status.imported().importedAt()).isEqualTo(T.toString());
            assertThat(status.imported().matrixFile()).isEqualTo(new SourceFile("sparse_matrix.npz", HASH));
            assertThat(status.imported().rowsFile().name()).isEqualTo("remaining_seeds.csv");
            assertThat(status.imported().columnsFile().sha256()).isEqualTo("ef".repeat(32));
            assertThat(status.imported().cells()).isEqualTo(6);
            assertThat(status.imported().withoutFollowers())
                    .as("b (a row without), c and x (only columns)")
                    .isEqualTo(3);
            assertThat(store.imported()).isEqualTo(status.imported());
            assertThat(status.scraped()).isEqualTo(3);
            assertThat(status.accounts()).isEqualTo(5);
            assertThat(status.createdAt()).isEqualTo(T.toString());
            assertThat(status.schemaVersion()).isEqualTo(Store.SCHEMA_VERSION);
        }
    }

    @Test
    void aCrawledStoreHasNoImportRecordAndNoCells() throws Exception {
        Path file = dir.resolve("crawl.db");
        Store.open(file, CLOCK).close();
        try (Store store = Store.openReadOnly(file)) {
            assertThat(store.status().imported()).isNull();
            assertThat(store.imported()).isNull();
            assertThat(store.importedCellCount()).isZero();
        }
    }

    @Test
    void theCrawlerCannotOpenAnImportedStoreWhichStaysUntouched() throws Exception {
        Path file = dir.resolve("imported.db");
        Store.createImported(file, small(), CLOCK, ImportListener.NONE);
        String hash = Sqlite.sha256(file);

        assertThatThrownBy(() -> Store.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessage(file + " was imported from the reference's files; its accounts carry no SoundCloud ids,"
                        + " so it can be analysed, exported and rendered but not crawled");
        assertThat(Sqlite.sha256(file)).isEqualTo(hash);
        try (Store store = Store.openReadOnly(file)) {
            assertThat(store.status().scraped()).isEqualTo(3);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void refusesToWriteOverAnyExistingFile() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.db"));
        Path text = Files.writeString(dir.resolve("notes.db"), "keep me", StandardCharsets.UTF_8);
        Path crawl = dir.resolve("crawl.db");
        Store.open(crawl, CLOCK).close();
        for (Path file : List.of(empty, text, crawl)) {
            String hash = Sqlite.sha256(file);
            assertThatThrownBy(() -> Store.createImported(file, small(), CLOCK, ImportListener.NONE))
                    .isInstanceOf(StoreException.class)
                    .hasMessage(file + " already exists: scmap import writes a new database and leaves existing"
                            + " files alone");
            assertThat(Sqlite.sha256(file)).isEqualTo(hash);
        }
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aFailureHalfWayLeavesNoFileBehind() {
        Path file = dir.resolve("imported.db");
        ImportedMatrix bad =
                matrix(small().rows(), small().columns(), new double[][] {{0, 0, 1}, {1, 1, 2}, {2, 9, 1}});

        assertThatThrownBy(() -> Store.createImported(file, bad, CLOCK, ImportListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cell (2, 9) is outside the 3 x 4 matrix");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void refusesNegativeOrNotFiniteWeightsAndWritesNothing() {
        Path file = dir.resolve("imported.db");
        for (double w : new double[] {-1, Double.NaN, Double.POSITIVE_INFINITY}) {
            ImportedMatrix bad = matrix(small().rows(), small().columns(), new double[][] {{0, 0, w}});
            assertThatThrownBy(() -> Store.createImported(file, bad, CLOCK, ImportListener.NONE))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("finite weight >= 0, got " + w);
        }
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void refusesRepeatedPermalinksAmongRowsOrAmongColumns() {
        Path file = dir.resolve("imported.db");
        ImportedAccount a = new ImportedAccount("a", "A", 1, null);
        ImportedAccount b = new ImportedAccount("b", "B", 1, null);

        assertThatThrownBy(() -> Store.createImported(
                        file, matrix(List.of(a, b, a), List.of(a, b), new double[0][]), CLOCK, ImportListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rows must have distinct permalinks, got 'a' at 0 and 2");
        assertThatThrownBy(() -> Store.createImported(
                        file, matrix(List.of(a), List.of(b, b), new double[0][]), CLOCK, ImportListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("columns must have distinct permalinks, got 'b' at 0 and 1");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void everyWeightReadsBackAsTheSameDoubleAndWholeOnesAreStoredAsIntegers() throws Exception {
        double[] weights = {0, -0.0, 0.1, 1, 3, 255, 70_000, 0x1p53, 0x1p53 + 2, 1e300, Double.MIN_VALUE};
        List<ImportedAccount> columns = new ArrayList<>();
        double[][] cells = new double[weights.length][];
        for (int j = 0; j < weights.length; j++) {
            columns.add(new ImportedAccount("c" + j, "", -1, null));
            cells[j] = new double[] {0, j, weights[j]};
        }
        Path file = dir.resolve("imported.db");
        Store.createImported(
                file,
                matrix(List.of(new ImportedAccount("r", "", -1, null)), columns, cells),
                CLOCK,
                ImportListener.NONE);

        double[] back = new double[weights.length];
        try (Store store = Store.openReadOnly(file)) {
            store.forEachImportedCell((s, t, w) -> back[(int) (t + weights.length + 1)] = w);
        }
        assertThat(back).containsExactly(weights);
        assertThat(Sqlite.query(file, "SELECT typeof(weight) FROM imported_cells ORDER BY target_id"))
                .containsExactly(
                        "integer", "real", "real", "integer", "integer", "integer", "integer", "real", "real", "real",
                        "real");
    }

    @Test
    void namesAMissingDirectory() {
        Path file = dir.resolve("no/such/x.db");

        assertThatThrownBy(() -> Store.createImported(file, small(), CLOCK, ImportListener.NONE))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void reportsEveryStepToTheEnd() throws Exception {
        List<String> steps = new ArrayList<>();
        Store.createImported(dir.resolve("imported.db"), small(), CLOCK, (step, fraction) -> {
            if (fraction == 1) {
                steps.add(step);
            }
        });

        assertThat(steps).containsExactly("accounts", "cells", "finish");
    }
}
