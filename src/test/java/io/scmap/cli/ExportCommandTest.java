package io.scmap.cli;

import static io.scmap.cli.CliRun.assertOneLineError;
import static org.assertj.core.api.Assertions.assertThat;

import io.scmap.matrix.Matrices;
import io.scmap.matrix.SparseMatrix;
import io.scmap.sim.SimParams;
import io.scmap.sim.SimulatedSoundCloud;
import io.scmap.source.InteractionType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scmap export} of a small crawl: per-type matrices and other weights. */
class ExportCommandTest {
    @TempDir
    static Path dir;

    private static Path db;

    @BeforeAll
    static void crawlAFewAccounts() throws Exception {
        db = dir.resolve("crawl.db");
        try (SimulatedSoundCloud sim =
                SimulatedSoundCloud.start(SimParams.DEFAULTS.withArtists(80).withScenes(2), 0)) {
            String base = sim.baseUrl().toString();
            CliRun crawl = CliRun.of(
                    "crawl",
                    "--db",
                    db.toString(),
                    "--api-base",
                    base,
                    "--web-base",
                    base,
                    "--rate",
                    "0",
                    "--max-accounts",
                    "4",
                    "--seeds",
                    String.join(",", sim.seedPermalinks(2)));
            assertThat(crawl.exitCode()).as(crawl.err()).isZero();
        }
    }

    private static CliRun export(Path out, String... options) {
        String[] args = new String[5 + options.length];
        args[0] = "export";
        args[1] = "--db";
        args[2] = db.toString();
        args[3] = "--out";
        args[4] = out.toString();
        System.arraycopy(options, 0, args, 5, options.length);
        return CliRun.of(args);
    }

    @Test
    void perTypeMatricesAddUpToTheWeightedOne() throws Exception {
        Path out = dir.resolve("per-type");
        CliRun run = export(out, "--per-type");

        assertThat(run.exitCode()).as(run.err()).isZero();
        SparseMatrix weighted = Matrices.readNpz(out.resolve(Matrices.REFERENCE_NPZ));
        Map<InteractionType, SparseMatrix> perType = new EnumMap<>(InteractionType.class);
        for (InteractionType type : InteractionType.values()) {
            perType.put(type, Matrices.readNpz(out.resolve(ExportCommand.perTypeFile(type))));
        }
        assertThat(weighted.nnz()).isPositive();
        double likes = 0;
        for (int r = 0; r < weighted.rows(); r++) {
            for (int c = 0; c < weighted.cols(); c++) {
                double sum = perType.get(InteractionType.LIKE).get(r, c)
                        + 3 * perType.get(InteractionType.COMMENT).get(r, c)
                        + 3 * perType.get(InteractionType.REPOST).get(r, c)
                        + 3 * perType.get(InteractionType.FOLLOW).get(r, c);
                assertThat(weighted.get(r, c)).as("cell %d,%d", r, c).isEqualTo(sum);
                likes += perType.get(InteractionType.LIKE).get(r, c);
            }
        }
        assertThat(likes).as("the crawl recorded likes").isPositive();
    }

    @Test
    void otherWeightsChangeTheMatrix() throws Exception {
        Path reference = dir.resolve("reference-weights");
        Path followsOnly = dir.resolve("follows-only");
        assertThat(export(reference, "--per-type").exitCode()).isZero();
        CliRun run = export(followsOnly, "--weights", "like=0, comment=0,Repost=0");

        assertThat(run.exitCode()).as(run.err()).isZero();
        SparseMatrix follows = Matrices.readNpz(reference.resolve(ExportCommand.perTypeFile(InteractionType.FOLLOW)));
        SparseMatrix weighted = Matrices.readNpz(followsOnly.resolve(Matrices.REFERENCE_NPZ));
        for (int r = 0; r < weighted.rows(); r++) {
            for (int c = 0; c < weighted.cols(); c++) {
                assertThat(weighted.get(r, c)).isEqualTo(3 * follows.get(r, c));
            }
        }
    }

    @Test
    void badWeightsAreOneLine() {
        assertOneLineError(export(dir.resolve("x1"), "--weights", "likes=abc"), 2, "weight of likes must be a number");
        assertOneLineError(export(dir.resolve("x2"), "--weights", "hugs=1"), 2, "unknown interaction type 'hugs'");
        assertOneLineError(export(dir.resolve("x3"), "--weights", "like=-1"), 2, "like weight must be");
        assertOneLineError(export(dir.resolve("x4"), "--weights", "like=1,like=2"), 2, "like is given twice");
        assertOneLineError(export(dir.resolve("x5"), "--weights", "like"), 2, "expected TYPE=WEIGHT");
        assertThat(dir.resolve("x1")).doesNotExist();
    }

    @Test
    void perTypeNeedsTheNpzFormat() {
        assertOneLineError(export(dir.resolve("csv"), "--format", "csv", "--per-type"), 2, "--per-type goes with");
    }

    @Test
    void analyzeRefusesWeightsForTheReferenceFiles() throws Exception {
        Path files = dir.resolve("trio");
        assertThat(export(files).exitCode()).isZero();
        CliRun run = CliRun.of(
                "analyze",
                "--npz",
                files.resolve(Matrices.REFERENCE_NPZ).toString(),
                "--rows",
                files.resolve(Matrices.REFERENCE_ROWS).toString(),
                "--cols",
                files.resolve(Matrices.REFERENCE_COLUMNS).toString(),
                "--out",
                dir.resolve("analysis").toString(),
                "--weights",
                "like=2");
        assertOneLineError(run, 2, "--weights needs --db");
        assertThat(Files.exists(dir.resolve("analysis"))).isFalse();
    }
}
