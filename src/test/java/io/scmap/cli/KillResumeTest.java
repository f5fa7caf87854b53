package io.scmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.scmap.crawl.InteractionWeights;
import io.scmap.matrix.InteractionMatrix;
import io.scmap.matrix.Matrices;
import io.scmap.sim.SimParams;
import io.scmap.sim.SimulatedSoundCloud;
import io.scmap.store.Store;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crawl killed with SIGKILL at random moments, then rerun with the same command until it ends,
 * records exactly what an uninterrupted crawl records: nothing lost, nothing counted twice.
 */
@Tag("slow")
class KillResumeTest {
    private static final int ACCOUNTS = 150;
    private static final int KILLS = 8;

    @TempDir
    Path dir;

    @Test
    void crawlKilledAtRandomMomentsEndsEqualToAnUninterruptedCrawl() throws Exception {
        SimParams world =
                SimParams.DEFAULTS.withArtists(400).withScenes(4).withSeed(11).withErrorRate(0.05);
        try (SimulatedSoundCloud sim = SimulatedSoundCloud.start(world, 0)) {
            List<String> command = crawlCommand(sim, String.join(",", sim.seedPermalinks(3)));

            Path calm = dir.resolve("calm.db");
            assertThat(run(command, calm, -1)).isZero();

            Path killed = dir.resolve("killed.db");
            SplittableRandom random = new SplittableRandom(5);
            int kills = 0;
            while (kills < KILLS && run(command, killed, 300 + random.nextInt(2500)) != 0) {
                kills++;
            }
            assertThat(kills).as("the crawl was killed at least a few times").isGreaterThanOrEqualTo(3);
            assertThat(run(command, killed, -1)).isZero();

            assertSameMatrix(calm, killed);
            assertSameExport(calm, killed);
        }
    }

    private List<String> crawlCommand(SimulatedSoundCloud sim, String seeds) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ArrayList<>(Arrays.asList(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "crawl",
                "--seeds",
                seeds,
                "--max-accounts",
                Integer.toString(ACCOUNTS),
                "--api-base",
                sim.baseUrl().toString(),
                "--web-base",
                sim.baseUrl().toString(),
                "--initial-backoff-ms",
                "20",
                "--rate",
                "0",
                "--db"));
    }

    /** Runs the crawl on {@code db}; kills it with SIGKILL after {@code killAfterMillis} (-1: never). Exit code, or -9. */
    private int run(List<String> command, Path db, long killAfterMillis) throws Exception {
        List<String> full = new ArrayList<>(command);
        full.add(db.toString());
        File log = dir.resolve("crawl.log").toFile();
        Process process = new ProcessBuilder(full)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                .start();
        if (killAfterMillis >= 0 && !process.waitFor(killAfterMillis, TimeUnit.MILLISECONDS)) {
            process.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks run
            process.waitFor();
            return -9;
        }
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("crawl finished").isTrue();
        if (process.exitValue() != 0) {
            throw new AssertionError("crawl failed: " + Files.readString(log.toPath()));
        }
        return 0;
    }

    /** The reference's trio exported from both crawls is identical, byte for byte. */
    private void assertSameExport(Path calm, Path killed) throws Exception {
        for (Path db : List.of(calm, killed)) {
            CliRun export = CliRun.of(
                    "export",
                    "--db",
                    db.toString(),
                    "--format",
                    "npz",
                    "--out",
                    dir.resolve("export-" + db.getFileName()).toString());
            assertThat(export.exitCode()).as(export.err()).isZero();
        }
        for (String file : List.of("sparse_matrix.npz", "remaining_seeds.csv", "seeds.csv")) {
            assertThat(Files.readAllBytes(dir.resolve("export-killed.db").resolve(file)))
                    .as(file)
                    .isEqualTo(Files.readAllBytes(dir.resolve("export-calm.db").resolve(file)));
        }
    }

    private static void assertSameMatrix(Path expectedDb, Path actualDb) throws Exception {
        InteractionMatrix expected;
        InteractionMatrix actual;
        try (Store a = Store.openReadOnly(expectedDb);
                Store b = Store.openReadOnly(actualDb)) {
            expected = Matrices.fromStore(a, InteractionWeights.DEFAULTS);
            actual = Matrices.fromStore(b, InteractionWeights.DEFAULTS);
            assertThat(b.status().scraped()).isEqualTo(ACCOUNTS);
            assertThat(b.interactionCount()).isEqualTo(a.interactionCount());
        }
        assertThat(actual.rows()).isEqualTo(expected.rows());
        assertThat(actual.columns()).isEqualTo(expected.columns());
        assertThat(actual.values().indptr()).isEqualTo(expected.values().indptr());
        assertThat(actual.values().indices()).isEqualTo(expected.values().indices());
        assertThat(actual.values().data()).isEqualTo(expected.values().data());
    }
}
