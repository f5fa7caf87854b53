package io.scmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.scmap.sim.SimParams;
import io.scmap.sim.SimulatedSoundCloud;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scmap crawl} against the simulator: its options, and bad input that must leave the database as it was. */
class CrawlCommandTest {
    private static SimulatedSoundCloud sim;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSimulator() throws IOException {
        sim = SimulatedSoundCloud.start(SimParams.DEFAULTS.withArtists(80).withScenes(2), 0);
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    private static CliRun crawl(Path db, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "crawl",
                "--db",
                db.toString(),
                "--api-base",
                sim.baseUrl().toString(),
                "--web-base",
                sim.baseUrl().toString(),
                "--rate",
                "0"));
        args.addAll(List.of(extra));
        if (!args.contains("--seeds") && !args.contains("--seeds-file")) {
            args.addAll(List.of("--seeds", String.join(",", sim.seedPermalinks(2))));
        }
        return CliRun.of(args.toArray(String[]::new));
    }

    /** A database with a few scraped accounts, and its SHA-256. */
    private Path crawled() {
        Path db = dir.resolve("crawl.db");
        CliRun run = crawl(db, "--max-accounts", "3");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return db;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static void assertOneLineError(CliRun run, int exitCode, String fragment) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
        assertThat(run.err().lines().toList())
                .hasSize(1)
                .first()
                .asString()
                .startsWith("scmap: ")
                .contains(fragment);
    }

    private List<String> filesBeside() throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theFollowerCapSkipsPopularCandidatesAndStatusCountsThem() {
        Path db = dir.resolve("capped.db");
        CliRun run = crawl(db, "--max-accounts", "12", "--max-followers", "1", "--score", "discounted");

        assertThat(run.exitCode()).as(run.err()).isZero();
        CliRun status = CliRun.of("status", "--db", db.toString());
        assertThat(status.out()).contains("over_follower_cap");
    }

    @Test
    void statusRanksTheFrontierByTheRuleTheCrawlUsedAndAResumeWithAnotherRuleSaysSo() {
        Path db = dir.resolve("ranked.db");
        assertThat(crawl(db, "--max-accounts", "3", "--score", "discounted").exitCode())
                .isZero();
        assertThat(CliRun.of("status", "--db", db.toString()).out())
                .contains("frontier head (next to scrape first, by the discounted score):");

        CliRun resumed = crawl(db, "--max-accounts", "4");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err().lines().filter(line -> line.startsWith("scmap: warning: ")))
                .containsExactly("scmap: warning: earlier runs ranked the frontier by the discounted score; from"
                        + " this run on it is ranked, and shown by status, by the weighted score");
        assertThat(CliRun.of("status", "--db", db.toString()).out())
                .contains("frontier head (next to scrape first, by the weighted score):");
    }

    @Test
    void anUnknownScoreRuleIsAUsageError() {
        assertOneLineError(crawl(dir.resolve("x.db"), "--score", "loudest"), 2, "expected weighted or discounted");
        assertThat(dir.resolve("x.db")).doesNotExist();
    }

    @Test
    void anEmptySeedsFileLeavesTheDatabaseAsItWas() throws Exception {
        Path db = crawled();
        String before = sha256(db);
        Path seeds = Files.writeString(dir.resolve("seeds.txt"), "# nobody yet\n");

        assertOneLineError(crawl(db, "--seeds-file", seeds.toString()), 2, "names no seed");
        assertThat(sha256(db)).isEqualTo(before);
    }

    @Test
    void aDatabaseOfAnotherToolIsLeftUntouched() throws Exception {
        Path db = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE playlists (id INTEGER PRIMARY KEY, name TEXT)");
            s.execute("INSERT INTO playlists VALUES (1, 'mine')");
        }
        String before = sha256(db);

        assertOneLineError(crawl(db), 1, "was not written by scmap");
        assertThat(sha256(db)).isEqualTo(before);
        assertThat(filesBeside()).containsExactly("other.db");
    }

    @Test
    void aReadOnlyDatabaseIsRefusedBeforeItIsOpened() throws Exception {
        Path db = crawled();
        String before = sha256(db);
        boolean immutable = makeReadOnly(db);
        try {
            assertOneLineError(crawl(db, "--max-accounts", "6"), 1, "is read-only");
            assertThat(sha256(db)).isEqualTo(before);
            assertThat(filesBeside()).containsExactly("crawl.db");
        } finally {
            if (immutable) {
                run("chattr", "-i", db.toString());
            }
            db.toFile().setWritable(true);
        }
    }

    @Test
    void aDeadApiLeavesAnExistingDatabaseAsItWasAndCreatesNoNewOne() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String dead = "http://127.0.0.1:" + port;
        Path db = crawled();
        String before = sha256(db);

        for (Path target : List.of(db, dir.resolve("new.db"))) {
            CliRun run = CliRun.of(
                    "crawl",
                    "--db",
                    target.toString(),
                    "--seeds",
                    "someone-new",
                    "--api-base",
                    dead,
                    "--web-base",
                    dead,
                    "--max-retries",
                    "1",
                    "--initial-backoff-ms",
                    "10");
            assertOneLineError(run, 1, "connection refused");
        }
        assertThat(sha256(db)).isEqualTo(before);
        assertThat(filesBeside()).containsExactly("crawl.db");
    }

    /**
     * Takes write permission away; root ignores permissions, so there the file is made immutable
     * with chattr instead (true), or the test is skipped where neither works.
     */
    private static boolean makeReadOnly(Path file) throws Exception {
        file.toFile().setWritable(false);
        if (!Files.isWritable(file)) {
            return false;
        }
        boolean immutable = run("chattr", "+i", file.toString()) && !Files.isWritable(file);
        Assumptions.assumeTrue(immutable, "cannot make a file read-only here (root, and chattr unsupported): skipping");
        return true;
    }

    private static boolean run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
