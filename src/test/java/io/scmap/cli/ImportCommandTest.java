package io.scmap.cli;

import static io.scmap.cli.CliRun.assertOneLineError;
import static org.assertj.core.api.Assertions.assertThat;

import io.scmap.matrix.Matrices;
import io.scmap.matrix.PlantedTrio;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scmap import} of a planted trio, and everything downstream: an imported database analyses
 * to the same tables as the files themselves, exports the same files, shows in status and refuses
 * the crawler.
 */
class ImportCommandTest {
    private static final String[] FAST = {"--svd-dims", "12", "--neighbors", "15", "--seed", "7"};

    @TempDir
    static Path dir;

    static Path trio;
    static Path db;
    static CliRun imported;

    @BeforeAll
    static void importAPlantedTrio() throws Exception {
        trio = Files.createDirectories(dir.resolve("trio"));
        PlantedTrio.write(trio, 300, 3, 5);
        db = dir.resolve("imported.db");
        imported = CliRun.of(importArgs(trio, db));
    }

    private static String[] importArgs(Path files, Path database) {
        return new String[] {
            "import",
            "--npz",
            files.resolve(Matrices.REFERENCE_NPZ).toString(),
            "--rows",
            files.resolve(Matrices.REFERENCE_ROWS).toString(),
            "--cols",
            files.resolve(Matrices.REFERENCE_COLUMNS).toString(),
            "--db",
            database.toString()
        };
    }

    private static CliRun analyze(Path out, String... input) {
        List<String> args = new ArrayList<>(List.of("analyze", "--out", out.toString()));
        args.addAll(List.of(input));
        args.addAll(List.of(FAST));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void importsAndSaysWhat() {
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Imported 300 x 449", "sparse_matrix.npz", db.toString());
        assertThat(imported.err()).doesNotContain("scmap:");
        assertThat(db).isNotEmptyFile();
    }

    @Test
    void analysingTheDatabaseGivesTheSameTablesAsAnalysingTheFiles() throws Exception {
        Path fromDb = dir.resolve("from-db");
        Path fromFiles = dir.resolve("from-files");
        analyze(fromDb, "--db", db.toString());
        analyze(
                fromFiles,
                "--npz",
                trio.resolve(Matrices.REFERENCE_NPZ).toString(),
                "--rows",
                trio.resolve(Matrices.REFERENCE_ROWS).toString(),
                "--cols",
                trio.resolve(Matrices.REFERENCE_COLUMNS).toString());

        for (String table : List.of("points.csv", "edges.csv", "neighbors.csv")) {
            assertThat(Files.readAllBytes(fromDb.resolve(table)))
                    .as(table)
                    .isEqualTo(Files.readAllBytes(fromFiles.resolve(table)));
        }
        List<String> points = Files.readAllLines(fromDb.resolve("points.csv"));
        assertThat(points).hasSizeGreaterThan(250);
        assertThat(points.stream().map(line -> line.split(",")).filter(f -> f.length > 7 && f[7].equals("2")))
                .as("the planted scenes come out as clusters")
                .isNotEmpty();
        assertThat(Files.readAllLines(fromDb.resolve("edges.csv"))).hasSizeGreaterThan(10);
    }

    @Test
    void exportingTheDatabaseGivesBackTheSameFiles() throws Exception {
        Path out = dir.resolve("exported");
        CliRun export = CliRun.of("export", "--db", db.toString(), "--format", "npz", "--out", out.toString());

        assertThat(export.exitCode()).as(export.err()).isZero();
        for (String name : List.of(Matrices.REFERENCE_NPZ, Matrices.REFERENCE_ROWS, Matrices.REFERENCE_COLUMNS)) {
            assertThat(Files.readAllBytes(out.resolve(name)))
                    .as(name)
                    .isEqualTo(Files.readAllBytes(trio.resolve(name)));
        }
    }

    @Test
    void statusShowsTheImportItsSourcesAndCounts() throws Exception {
        CliRun status = CliRun.of("status", "--db", db.toString());

        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out())
                .contains("imported     on ", "stored cells", "it cannot be crawled")
                .contains("from sparse_matrix.npz (sha256 " + sha256(trio.resolve(Matrices.REFERENCE_NPZ)) + ")")
                .contains("from remaining_seeds.csv (sha256 " + sha256(trio.resolve(Matrices.REFERENCE_ROWS)) + ")")
                .contains("from seeds.csv (sha256 ")
                .contains("accounts     451: 300 rows (the accounts the reference scraped), 151 only columns")
                .contains("absent       the files hold weighted sums only: no counts per type (likes, comments,"
                        + " reposts, follows), no follower count for ")
                .doesNotContain("interactions 0", "requests     0", "seeds        0", "in the frontier");
    }

    @Test
    void theCsvExportMarksTheCountsPerTypeAsUnknownAndSaysWhy() throws Exception {
        Path out = dir.resolve("csv");
        CliRun export = CliRun.of("export", "--db", db.toString(), "--format", "csv", "--out", out.toString());

        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out()).contains("weighted sums only", "are NaN (not known)");
        List<String> lines = Files.readAllLines(out.resolve("interactions.csv"));
        assertThat(lines.get(0)).isEqualTo("source,target,weight,likes,comments,reposts,follows");
        assertThat(lines.subList(1, lines.size()))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).endsWith(",NaN,NaN,NaN,NaN"));
    }

    @Test
    void itsWeightedSumsCannotBeWeighedAnewOrSplitByType() {
        CliRun weights = CliRun.of(
                "export", "--db", db.toString(), "--out", dir.resolve("w").toString(), "--weights", "like=2");
        CliRun perType = CliRun.of(
                "export", "--db", db.toString(), "--out", dir.resolve("t").toString(), "--per-type");
        CliRun analyze = CliRun.of(
                "analyze", "--db", db.toString(), "--out", dir.resolve("a").toString(), "--weights", "follow=1");

        assertOneLineError(weights, 1, "weighted sums only: --weights cannot weigh");
        assertOneLineError(perType, 1, "it has no per-type matrices");
        assertOneLineError(analyze, 1, "weighted sums only: --weights cannot weigh");
        assertThat(dir.resolve("w")).doesNotExist();
        assertThat(dir.resolve("t")).doesNotExist();
    }

    @Test
    void theCrawlRefusesAnImportedDatabaseAndLeavesItByteForByte() throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = socket.getLocalPort();
        }
        String before = sha256(db);

        CliRun crawl =
                CliRun.of("crawl", "--db", db.toString(), "--seeds", "x", "--api-base", "http://127.0.0.1:" + deadPort);

        assertOneLineError(crawl, 1, "was imported");
        assertThat(crawl.err().strip())
                .isEqualTo("scmap: " + db + " was imported from the reference's files; its accounts carry no"
                        + " SoundCloud ids, so it can be analysed, exported and rendered but not crawled");
        assertThat(sha256(db)).isEqualTo(before);
    }

    @Test
    void refusesToImportIntoAnExistingFile() throws Exception {
        String before = sha256(db);

        assertOneLineError(CliRun.of(importArgs(trio, db)), 1, db + " already exists");
        assertThat(sha256(db)).isEqualTo(before);
    }

    @Test
    void helpDescribesTheCommand() {
        CliRun help = CliRun.of("import", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--npz", "--rows", "--cols", "--db", "analysed, exported and rendered");
        assertThat(CliRun.of("--help").out()).contains("import");
    }

    @Test
    void aMissingOptionIsBadUsage() {
        assertOneLineError(CliRun.of("import", "--npz", "x.npz", "--db", "y.db"), 2, "--rows");
    }

    // ---- bad files: one line, exit 1, no database ------------------------------------------------

    private static void assertRefusedWithoutTrace(Path files, String... fragments) throws Exception {
        Path target = Files.createDirectories(files.resolveSibling(files.getFileName() + "-out"));
        assertOneLineError(CliRun.of(importArgs(files, target.resolve("x.db"))), 1, fragments);
        try (Stream<Path> left = Files.list(target)) {
            assertThat(left).as("nothing written").isEmpty();
        }
    }

    private static Path copyOfTrio(String name) throws Exception {
        Path copy = Files.createDirectories(dir.resolve(name));
        for (String file : List.of(Matrices.REFERENCE_NPZ, Matrices.REFERENCE_ROWS, Matrices.REFERENCE_COLUMNS)) {
            Files.copy(trio.resolve(file), copy.resolve(file));
        }
        return copy;
    }

    @Test
    void aMissingFileIsNamed() throws Exception {
        Path files = copyOfTrio("missing");
        Files.delete(files.resolve(Matrices.REFERENCE_ROWS));
        assertRefusedWithoutTrace(files, files.resolve(Matrices.REFERENCE_ROWS) + " does not exist");
    }

    @Test
    void aTruncatedMatrixIsNamed() throws Exception {
        Path files = copyOfTrio("truncated");
        Path npz = files.resolve(Matrices.REFERENCE_NPZ);
        byte[] bytes = Files.readAllBytes(npz);
        Files.write(npz, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        assertRefusedWithoutTrace(files, "sparse_matrix.npz", "truncated");
    }

    @Test
    void labelsThatDoNotFitTheMatrixAreNamed() throws Exception {
        Path files = copyOfTrio("misfit");
        Files.writeString(files.resolve(Matrices.REFERENCE_COLUMNS), "links,names,followers\r\nalone,Alone,\r\n");
        assertRefusedWithoutTrace(files, "columns CSV has 1 rows but the matrix has 449 columns");
    }

    @Test
    void repeatedRowsAreNamed() throws Exception {
        Path files = copyOfTrio("repeated");
        Path rows = files.resolve(Matrices.REFERENCE_ROWS);
        List<String> lines = new ArrayList<>(Files.readAllLines(rows));
        lines.set(3, lines.get(1));
        Files.write(rows, lines);
        assertRefusedWithoutTrace(files, "remaining_seeds.csv: rows 1 and 3 both link to 'artist-0000'");
    }
}
