package io.scmap.cli;

import static io.scmap.cli.CliRun.assertOneLineError;
import static org.assertj.core.api.Assertions.assertThat;

import io.scmap.crawl.InteractionWeights;
import io.scmap.matrix.InteractionMatrix;
import io.scmap.matrix.Matrices;
import io.scmap.sim.SimParams;
import io.scmap.sim.SimulatedSoundCloud;
import io.scmap.source.SoundCloud;
import io.scmap.source.SoundCloudClient;
import io.scmap.source.Transport;
import io.scmap.source.WebApiConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scmap crawl --transport browser}: a headless Chromium page on the simulator's web base makes
 * the API calls through another origin ({@code localhost} instead of {@code 127.0.0.1}), so every
 * answer passes the browser's CORS check, and the crawl records what a crawl over HTTP records.
 */
class BrowserCrawlCommandTest {
    private static final int ACCOUNTS = 25;

    @TempDir
    Path dir;

    @Test
    @Tag("slow")
    void aBrowserCrawlRecordsWhatAnHttpCrawlRecords() throws Exception {
        assumeBrowserInstalled();
        SimParams world =
                SimParams.DEFAULTS.withArtists(200).withScenes(3).withSeed(17).withErrorRate(0.03);
        try (SimulatedSoundCloud sim = SimulatedSoundCloud.start(world, 0)) {
            Path http = dir.resolve("http.db");
            Path browser = dir.resolve("browser.db");
            CliRun overHttp = CliRun.of(crawl(sim, http, "http"));
            assertThat(overHttp.exitCode()).as(overHttp.err()).isZero();
            CliRun inBrowser = CliRun.of(crawl(sim, browser, "browser"));
            assertThat(inBrowser.exitCode()).as(inBrowser.err()).isZero();
            assertThat(inBrowser.out()).contains("Scraped " + ACCOUNTS + " accounts");
            assertSameMatrix(http, browser);
        }
    }

    private static String[] crawl(SimulatedSoundCloud sim, Path db, String transport) {
        String apiOnAnotherOrigin = "http://localhost:" + sim.baseUrl().getPort();
        List<String> args = new ArrayList<>(List.of(
                "crawl",
                "--db",
                db.toString(),
                "--seeds",
                String.join(",", sim.seedPermalinks(2)),
                "--max-accounts",
                Integer.toString(ACCOUNTS),
                "--per-type",
                "100",
                "--web-base",
                sim.baseUrl() + "/",
                "--api-base",
                apiOnAnotherOrigin,
                "--rate",
                "0",
                "--initial-backoff-ms",
                "20",
                "--transport",
                transport));
        return args.toArray(String[]::new);
    }

    private static void assertSameMatrix(Path expectedDb, Path actualDb) throws Exception {
        InteractionMatrix expected;
        InteractionMatrix actual;
        try (io.scmap.store.Store a = io.scmap.store.Store.openReadOnly(expectedDb);
                io.scmap.store.Store b = io.scmap.store.Store.openReadOnly(actualDb)) {
            expected = Matrices.fromStore(a, InteractionWeights.DEFAULTS);
            actual = Matrices.fromStore(b, InteractionWeights.DEFAULTS);
            assertThat(b.status().scraped()).isEqualTo(ACCOUNTS);
            assertThat(b.interactionCount()).isEqualTo(a.interactionCount()).isPositive();
        }
        assertThat(actual.rows()).isEqualTo(expected.rows());
        assertThat(actual.columns()).isEqualTo(expected.columns());
        assertThat(actual.values().indptr()).isEqualTo(expected.values().indptr());
        assertThat(actual.values().indices()).isEqualTo(expected.values().indices());
        assertThat(actual.values().data()).isEqualTo(expected.values().data());
    }

    /** Skips unless Chromium and ChromeDriver are on the PATH (CI installs both). */
    private static void assumeBrowserInstalled() {
        try (SoundCloudClient client = SoundCloud.webApi(WebApiConfig.DEFAULTS.withTransport(Transport.BROWSER))) {
            assertThat(client.requestCount()).isZero(); // the browser starts on the first request only
        } catch (IllegalArgumentException e) {
            Assumptions.abort("Chromium or ChromeDriver absent, skipping the browser crawl: " + e.getMessage());
        }
    }

    /** {@code scmap crawl --db <db> --seeds a} with more options. */
    private static CliRun crawl(Path db, String... options) {
        List<String> args = new ArrayList<>(List.of("crawl", "--db", db.toString(), "--seeds", "a"));
        args.addAll(List.of(options));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void theBrowserTransportWithTheOfficialApiIsAUsageError() {
        Path db = dir.resolve("o.db");
        CliRun run =
                crawl(db, "--api", "official", "--client-id", "app", "--client-secret", "s", "--transport", "browser");
        assertOneLineError(run, 2, "--transport browser works only with --api web");
        assertThat(db).doesNotExist();
    }

    @Test
    void aMissingChromedriverIsOneLineSayingWhatToInstall() {
        Path db = dir.resolve("m.db");
        CliRun run = crawl(
                db,
                "--transport",
                "browser",
                "--chromedriver",
                dir.resolve("no-such-chromedriver").toString());
        assertOneLineError(
                run, 1, "apt install chromium chromium-driver", "no-such-chromedriver is not an executable file");
        assertThat(run.err()).startsWith("scmap: the browser transport needs Chromium and ChromeDriver");
        assertThat(db).doesNotExist();
    }

    @Test
    void helpExplainsTheTransportOptions() {
        CliRun run = CliRun.of("crawl", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("--transport=TRANSPORT", "--browser=PATH", "--chromedriver=PATH", "headless Chromium");
    }
}
