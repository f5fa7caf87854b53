package io.scmap.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scmap.crawl.InteractionWeights;
import io.scmap.source.InteractionType;
import io.scmap.store.ImportListener;
import io.scmap.store.Store;
import io.scmap.store.StoreException;
import io.scmap.store.StoreStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceImportTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Path trio;
    private Path npz;
    private Path rows;
    private Path cols;
    private Path db;
    private InteractionMatrix planted;

    @BeforeEach
    void writeTrio() throws Exception {
        trio = Files.createDirectories(dir.resolve("trio"));
        planted = PlantedTrio.write(trio, 60, 3, 11);
        npz = trio.resolve(Matrices.REFERENCE_NPZ);
        rows = trio.resolve(Matrices.REFERENCE_ROWS);
        cols = trio.resolve(Matrices.REFERENCE_COLUMNS);
        db = Files.createDirectories(dir.resolve("out")).resolve("imported.db");
    }

    private InteractionMatrix importAndReadBack() throws Exception {
        Matrices.importReference(npz, rows, cols, db, CLOCK, ImportListener.NONE);
        try (Store store = Store.openReadOnly(db)) {
            return Matrices.fromStore(store, InteractionWeights.DEFAULTS);
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void theStoreGivesBackTheMatrixBitForBitWithTheFilesLabels() throws Exception {
        InteractionMatrix back = importAndReadBack();

        NpzTest.assertSameMatrix(back.values(), planted.values());
        assertThat(back.rows()).isEqualTo(planted.rows());
        assertThat(back.columns()).isEqualTo(planted.columns());
        assertThat(back.values().get(0, planted.columns().size() - 2))
                .as("explicit zero")
                .isZero();
        assertThat(back.columns().get(back.columns().size() - 1).permalink())
                .as("a column without any cell stays a column")
                .isEqualTo("silent");
    }

    @Test
    void exportingTheImportedStoreWritesTheSameThreeFiles() throws Exception {
        InteractionMatrix back = importAndReadBack();
        Path again = dir.resolve("again");
        Matrices.writeReference(back, again);

        for (String name : List.of(Matrices.REFERENCE_NPZ, Matrices.REFERENCE_ROWS, Matrices.REFERENCE_COLUMNS)) {
            assertThat(Files.readAllBytes(again.resolve(name)))
                    .as(name)
                    .isEqualTo(Files.readAllBytes(trio.resolve(name)));
        }
    }

    @Test
    void recordsTheFilesNamesAndHashesAndHasNoTypedInteractions() throws Exception {
        Matrices.importReference(npz, rows, cols, db, CLOCK, ImportListener.NONE);

        try (Store store = Store.openReadOnly(db)) {
            StoreStatus.Import imported = store.status().imported();
            assertThat(imported).isNotNull();
            assertThat(imported.matrixFile().name()).isEqualTo("sparse_matrix.npz");
            assertThat(imported.matrixFile().sha256()).isEqualTo(sha256(npz));
            assertThat(imported.rowsFile().sha256()).isEqualTo(sha256(rows));
            assertThat(imported.columnsFile().sha256()).isEqualTo(sha256(cols));
            assertThat(imported.cells()).isEqualTo(planted.values().nnz());
            Map<InteractionType, SparseMatrix> perType = Matrices.perType(store);
            assertThat(perType.values()).allSatisfy(m -> {
                assertThat(m.nnz()).isZero();
                assertThat(m.rows()).isEqualTo(planted.values().rows());
                assertThat(m.cols()).isEqualTo(planted.values().cols());
            });
        }
    }

    @Test
    void hostileAndEmptyNamesAndUnknownsSurvive() throws Exception {
        List<String> names = List.of("<b>x</b> & co", "quote \"q\"", "comma, and\nnew line\r\nCRLF", "  spaced  ", "");
        SparseMatrix values = NpzTest.randomMatrix(10, 12, 3);
        List<RowLabel> rowLabels = new ArrayList<>();
        List<ColumnLabel> columnLabels = new ArrayList<>();
        for (int j = 0; j < 12; j++) {
            columnLabels.add(new ColumnLabel(-1, "a" + j, j % 3 == 0 ? names.get(j % names.size()) : ""));
        }
        for (int i = 0; i < 10; i++) {
            rowLabels.add(new RowLabel(
                    -1,
                    "a" + (11 - i),
                    names.get(i % names.size()),
                    i % 4 == 0 ? -1 : i,
                    i % 3 == 0 ? null : LocalDate.of(2012, 2, 29)));
        }
        InteractionMatrix m = new InteractionMatrix(values, rowLabels, columnLabels);
        Matrices.writeReference(m, trio);

        InteractionMatrix back = importAndReadBack();

        NpzTest.assertSameMatrix(back.values(), values);
        assertThat(back.rows()).isEqualTo(m.rows());
        assertThat(back.columns()).isEqualTo(m.columns());
    }

    @Test
    void refusesAnExistingDatabaseAndLeavesItUntouched() throws Exception {
        Files.writeString(db, "precious");

        assertThatThrownBy(() -> Matrices.importReference(npz, rows, cols, db, CLOCK, ImportListener.NONE))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("already exists");
        assertThat(Files.readString(db)).isEqualTo("precious");
    }

    // ---- bad input: one message naming the problem, nothing written ------------------------------

    private void assertRefused(Class<? extends Exception> type, String... fragments) throws Exception {
        assertThatThrownBy(() -> Matrices.importReference(npz, rows, cols, db, CLOCK, ImportListener.NONE))
                .isInstanceOf(type)
                .satisfies(e -> assertThat(e.getMessage()).contains(fragments).doesNotContain("\n"));
        try (Stream<Path> files = Files.list(db.getParent())) {
            assertThat(files).as("nothing written").isEmpty();
        }
    }

    @Test
    void aMissingFileIsNamed() throws Exception {
        Files.delete(cols);
        assertRefused(NoSuchFileException.class, cols.toString());
    }

    @Test
    void aTruncatedMatrixIsRefused() throws Exception {
        byte[] bytes = Files.readAllBytes(npz);
        Files.write(npz, Arrays.copyOf(bytes, bytes.length / 2));
        assertRefused(MatrixFormatException.class, "sparse_matrix.npz", "truncated");
    }

    @Test
    void aMatrixCutJustBeforeItsCentralDirectoryIsRefused() throws Exception {
        byte[] bytes = Files.readAllBytes(npz);
        Files.write(npz, Arrays.copyOf(bytes, bytes.length - 30));
        assertRefused(
                MatrixFormatException.class, "sparse_matrix.npz: truncated (the zip's central directory is missing)");
    }

    @Test
    void aFileThatIsNoZipIsRefused() throws Exception {
        Files.writeString(npz, "links,names\n");
        assertRefused(MatrixFormatException.class, "sparse_matrix.npz is not a zip file");
    }

    @Test
    void rowLabelsThatDoNotFitTheMatrixAreRefused() throws Exception {
        List<String> lines = Files.readAllLines(rows, StandardCharsets.UTF_8);
        Files.write(rows, lines.subList(0, lines.size() - 1), StandardCharsets.UTF_8);
        assertRefused(MatrixFormatException.class, "rows CSV has 59 rows but the matrix has 60");
    }

    @Test
    void columnLabelsThatDoNotFitTheMatrixAreRefused() throws Exception {
        Files.writeString(cols, "links,names,followers\r\nsomeone,Someone,\r\n", StandardCharsets.UTF_8);
        assertRefused(MatrixFormatException.class, "columns CSV has 1 rows but the matrix has");
    }

    private void replaceWeight(double weight) throws Exception {
        SparseMatrix v = planted.values();
        double[] data = v.data().clone();
        data[5] = weight;
        Matrices.writeNpz(SparseMatrix.of(v.rows(), v.cols(), v.indptr(), v.indices(), data), npz, true);
    }

    @Test
    void aNanWeightIsRefused() throws Exception {
        replaceWeight(Double.NaN);
        assertRefused(MatrixFormatException.class, "sparse_matrix.npz", "NaN");
    }

    @Test
    void aNegativeWeightIsRefused() throws Exception {
        replaceWeight(-3);
        assertRefused(MatrixFormatException.class, "sparse_matrix.npz: negative weight -3.0 at row 0");
    }

    @Test
    void twoRowsWithOnePermalinkAreRefused() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(rows, StandardCharsets.UTF_8));
        lines.set(4, lines.get(2));
        Files.write(rows, lines, StandardCharsets.UTF_8);
        assertRefused(
                MatrixFormatException.class,
                "remaining_seeds.csv: rows 2 and 4 both link to 'artist-0001'; each row must be a different account");
    }

    @Test
    void twoColumnsWithOnePermalinkAreRefused() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(cols, StandardCharsets.UTF_8));
        lines.set(3, "https://soundcloud.com/artist-0000,Again,");
        Files.write(cols, lines, StandardCharsets.UTF_8);
        assertRefused(MatrixFormatException.class, "seeds.csv: rows 1 and 3 both link to 'artist-0000'");
    }
}
