package io.scmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.scmap.matrix.ColumnLabel;
import io.scmap.matrix.InteractionMatrix;
import io.scmap.matrix.Matrices;
import io.scmap.matrix.RowLabel;
import io.scmap.matrix.SparseMatrix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scmap analyze} on broken reference files: one line naming the problem, exit 1, no output folder filled. */
class AnalyzeInputTest {
    @TempDir
    Path dir;

    private Path trio;

    /** A small, valid trio: 6 rows x 8 columns. */
    @BeforeEach
    void writeTrio() throws Exception {
        trio = Files.createDirectories(dir.resolve("trio"));
        Matrices.writeReference(matrix(5.0), trio);
    }

    private static InteractionMatrix matrix(double value) {
        int rows = 6;
        int cols = 8;
        int[] indptr = new int[rows + 1];
        List<Integer> indices = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if ((r + c) % 2 == 0) {
                    indices.add(c);
                }
            }
            indptr[r + 1] = indices.size();
        }
        double[] data = new double[indices.size()];
        Arrays.fill(data, 10);
        data[3] = value;
        List<RowLabel> rowLabels = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            rowLabels.add(new RowLabel(r + 1, "artist-" + r, "Artist " + r, 100, LocalDate.of(2015, 1, 1)));
        }
        List<ColumnLabel> columnLabels = new ArrayList<>();
        for (int c = 0; c < cols; c++) {
            columnLabels.add(new ColumnLabel(c + 1, "artist-" + c, "Artist " + c));
        }
        SparseMatrix values = SparseMatrix.of(
                rows, cols, indptr, indices.stream().mapToInt(Integer::intValue).toArray(), data);
        return new InteractionMatrix(values, rowLabels, columnLabels);
    }

    private CliRun analyze(Path npz, Path rows, Path cols, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "analyze",
                "--npz",
                npz.toString(),
                "--rows",
                rows.toString(),
                "--cols",
                cols.toString(),
                "--out",
                dir.resolve("out").toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private CliRun analyze(Path npz) {
        return analyze(npz, trio.resolve("remaining_seeds.csv"), trio.resolve("seeds.csv"));
    }

    private void assertOneLineError(CliRun run, String... fragments) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        List<String> lines = run.err().lines().toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("scmap: ").contains(fragments);
        assertThat(dir.resolve("out").resolve("points.csv")).doesNotExist();
    }

    @Test
    void aMissingFileOfTheTrioIsNamed() {
        Path missing = dir.resolve("no-such-seeds.csv");
        assertOneLineError(
                analyze(trio.resolve("sparse_matrix.npz"), trio.resolve("remaining_seeds.csv"), missing),
                missing + " does not exist");
    }

    @Test
    void aTruncatedNpz() throws Exception {
        byte[] whole = Files.readAllBytes(trio.resolve("sparse_matrix.npz"));
        Path cut = Files.write(dir.resolve("cut.npz"), Arrays.copyOf(whole, whole.length / 2));
        assertOneLineError(analyze(cut), "cut.npz");
    }

    @Test
    void aFileThatIsNoNpzAtAll() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.npz"), "these are my notes\n");
        assertOneLineError(analyze(text), "notes.npz", "not a zip file");
    }

    @Test
    void rowLabelsThatDoNotMatchTheMatrix() throws Exception {
        List<String> lines = Files.readAllLines(trio.resolve("remaining_seeds.csv"));
        Path rows = Files.write(dir.resolve("rows.csv"), lines.subList(0, 4));
        assertOneLineError(
                analyze(trio.resolve("sparse_matrix.npz"), rows, trio.resolve("seeds.csv")),
                "rows CSV has 3 rows but the matrix has 6");
    }

    @Test
    void columnLabelsThatDoNotMatchTheMatrix() throws Exception {
        List<String> lines = Files.readAllLines(trio.resolve("seeds.csv"));
        Path cols = Files.write(dir.resolve("cols.csv"), lines.subList(0, 3));
        assertOneLineError(
                analyze(trio.resolve("sparse_matrix.npz"), trio.resolve("remaining_seeds.csv"), cols),
                "columns CSV has 2 rows but the matrix has 8 columns");
    }

    @Test
    void everyRowFilteredAway() {
        assertOneLineError(
                analyze(
                        trio.resolve("sparse_matrix.npz"),
                        trio.resolve("remaining_seeds.csv"),
                        trio.resolve("seeds.csv"),
                        "--min-total",
                        "1000"),
                "no rows left after the filters",
                "total > 1000 kept 0");
    }

    @Test
    void notANumberInTheData() throws Exception {
        Path nan = Files.createDirectories(dir.resolve("nan"));
        Matrices.writeReference(matrix(Double.NaN), nan);
        assertOneLineError(analyze(nan.resolve("sparse_matrix.npz")), "NaN in data at row 0");
    }
}
