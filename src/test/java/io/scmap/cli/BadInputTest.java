package io.scmap.cli;

import static io.scmap.cli.CliRun.assertOneLineError;
import static org.assertj.core.api.Assertions.assertThat;

import io.scmap.sim.SimParams;
import io.scmap.sim.SimulatedSoundCloud;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to any command: one line on standard error, exit 1 or 2, never a stack trace. */
class BadInputTest {
    @TempDir
    Path dir;

    @Test
    void demoIntoAFileInsteadOfAFolder() throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        assertOneLineError(CliRun.of("demo", "--out", file.toString()), 1, "is a file, not a folder");
    }

    @Test
    void demoIntoAnUnwritableFolder() throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        assertOneLineError(CliRun.of("demo", "--out", file.resolve("below").toString()), 1, "cannot write");
    }

    @Test
    void demoWithANonNumericArtistCount() {
        assertOneLineError(CliRun.of("demo", "--artists", "many"), 2, "--artists");
    }

    @Test
    void demoWithZeroArtists() {
        assertOneLineError(CliRun.of("demo", "--artists", "0", "--out", dir.toString()), 2, "artists");
    }

    @Test
    void simulateOnAPortInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertOneLineError(CliRun.of("simulate", "--port", Integer.toString(port)), 1, "port " + port, "in use");
        }
    }

    @Test
    void simulateWithoutPort() {
        assertOneLineError(CliRun.of("simulate"), 2, "--port");
    }

    @Test
    void simulateWithAPrivateShareOutOfRange() {
        assertOneLineError(
                CliRun.of("simulate", "--port", "0", "--private-share", "1"),
                2,
                "privateShare must be in [0, 1), got 1.0");
        assertThat(CliRun.of("simulate", "--help").out()).contains("--private-share=F", "answer 403");
    }

    @Test
    void statusOfAMissingDatabase() {
        Path missing = dir.resolve("missing.db");
        assertOneLineError(CliRun.of("status", "--db", missing.toString()), 1, "missing.db");
        assertThat(missing).doesNotExist();
    }

    @Test
    void statusOfATextFileLeavesItUntouched() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.db"), "not a database\n");
        assertOneLineError(CliRun.of("status", "--db", text.toString()), 1, "not an SQLite database");
        assertThat(Files.readString(text, StandardCharsets.UTF_8)).isEqualTo("not a database\n");
    }

    @Test
    void crawlWithAnEmptySeedsFile() throws Exception {
        Path seeds = Files.writeString(dir.resolve("seeds.txt"), "# nobody\n\n");
        assertOneLineError(
                CliRun.of("crawl", "--db", dir.resolve("c.db").toString(), "--seeds-file", seeds.toString()),
                2,
                "names no seed");
    }

    @Test
    void crawlWithAMissingSeedsFile() {
        assertOneLineError(
                CliRun.of("crawl", "--db", dir.resolve("c.db").toString(), "--seeds-file", "nope.txt"), 1, "nope.txt");
    }

    @Test
    void crawlAgainstADeadApi() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String base = "http://127.0.0.1:" + port;
        CliRun run = CliRun.of(
                "crawl",
                "--db",
                dir.resolve("dead.db").toString(),
                "--seeds",
                "someone",
                "--api-base",
                base,
                "--web-base",
                base,
                "--client-id",
                "x",
                "--max-retries",
                "1");
        assertOneLineError(run, 1, "someone");
    }

    @Test
    void crawlWhoseSeedsAllDoNotExist() throws Exception {
        SimParams world = SimParams.DEFAULTS.withArtists(30).withScenes(2);
        try (SimulatedSoundCloud sim = SimulatedSoundCloud.start(world, 0)) {
            String base = sim.baseUrl().toString();
            CliRun run = CliRun.of(
                    "crawl",
                    "--db",
                    dir.resolve("none.db").toString(),
                    "--seeds",
                    "ghost-one,ghost-two",
                    "--api-base",
                    base,
                    "--web-base",
                    base,
                    "--rate",
                    "0");
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("warning: seed 'ghost-one'");
            assertThat(run.err()
                            .lines()
                            .filter(l -> l.startsWith("scmap:") && !l.contains("warning"))
                            .toList())
                    .containsExactly("scmap: none of the seeds exists on SoundCloud (ghost-one, ghost-two)");
        }
    }

    @Test
    void officialApiWithoutCredentials() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                System.getenv("SCMAP_CLIENT_SECRET") == null, "SCMAP_CLIENT_SECRET is set here: nothing is missing");
        CliRun run = CliRun.of(
                "crawl",
                "--db",
                dir.resolve("o.db").toString(),
                "--seeds",
                "a",
                "--api",
                "official",
                "--client-id",
                "app");
        assertOneLineError(run, 2, "SCMAP_CLIENT_SECRET");
        assertThat(dir.resolve("o.db")).doesNotExist();
    }

    @Test
    void renderFromAMissingFolder() {
        assertOneLineError(CliRun.of("render", "--in", dir.resolve("nothing").toString()), 1, "does not exist");
    }

    @Test
    void renderWithNonNumericCoordinates() throws Exception {
        Files.writeString(
                dir.resolve("points.csv"),
                "permalink,name,followers,emerge_date,generation,x,y,cluster\na,A,1,,,abc,1,0\n");
        assertOneLineError(CliRun.of("render", "--in", dir.toString()), 1, "points.csv row 1", "'x'");
    }

    @Test
    void renderWithMissingColumn() throws Exception {
        Files.writeString(dir.resolve("points.csv"), "permalink,x\na,1\n");
        assertOneLineError(CliRun.of("render", "--in", dir.toString()), 1, "missing column 'y'");
    }

    @Test
    void analyzeWithUnknownParameterValue() {
        assertOneLineError(
                CliRun.of("analyze", "--db", "x.db", "--out", dir.toString(), "--min-dist", "-1"), 2, "minDist");
    }
}
