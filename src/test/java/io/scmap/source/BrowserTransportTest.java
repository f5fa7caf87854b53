package io.scmap.source;

import static io.scmap.source.TestClients.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scmap.source.LoopbackServer.Reply;
import io.scmap.source.LoopbackServer.Request;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The web client through a real headless Chromium against a loopback server: the page is opened on
 * {@code http://127.0.0.1:PORT/} and the API is called as {@code http://localhost:PORT}, another
 * origin, so every API answer passes the browser's CORS check. One browser serves the whole class.
 * Skipped where Chromium or ChromeDriver is not installed; tagged slow for the browser starts (about a
 * second each on an idle machine, many under load).
 */
@Tag("slow")
class BrowserTransportTest {
    private static final String CLIENT_ID = "OwnHydratedClientId0000000000001";
    private static final String SCRIPT_ID = "OwnScriptClientId000000000000002";
    private static final Reply USER = Reply.json(resource("user_7.json"));

    private static ChromiumSession.Executables executables;
    private static LoopbackServer server;
    private static URI pageBase;
    private static URI apiBase;
    private static BrowserWire browser;

    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void startBrowser() {
        executables = installedExecutables();
        server = new LoopbackServer();
        pageBase = server.base().resolve("/");
        apiBase = URI.create("http://localhost:" + server.base().getPort());
        browser = new BrowserWire(executables, pageBase, apiBase, Duration.ofSeconds(5));
    }

    /** Chromium and ChromeDriver from the PATH; skips the tests when either is missing. */
    static ChromiumSession.Executables installedExecutables() {
        try {
            return ChromiumSession.Executables.locate(null, null, System.getenv("PATH"));
        } catch (IllegalArgumentException e) {
            Assumptions.abort("Chromium or ChromeDriver absent, skipping the browser tests: " + e.getMessage());
            throw e;
        }
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void serveTheHomePage() {
        server.forgetRequests();
        server.allowCors(true);
        server.acceptClientId(CLIENT_ID);
        server.page(
                "/",
                request ->
                        Reply.html(resource("home_hydration.html")).withHeader("Set-Cookie", "scmap_page=p1; Path=/"));
        server.page("/assets/54-config.js", request -> Reply.json("/* no config here */"));
    }

    private WebApiConfig config() {
        return TestClients.config(pageBase)
                .withApiBase(apiBase)
                .withTransport(Transport.BROWSER)
                .withInitialBackoff(Duration.ofMillis(10));
    }

    /** A client on the class's browser, waits recorded; closing it leaves the browser running. */
    private WebApiClient client(WebApiConfig config) {
        RetryPolicy policy = new RetryPolicy(config, new SplittableRandom(config.seed()), TestClients.FIXED_CLOCK);
        return new WebApiClient(
                config,
                new HttpFetcher(
                        TestClients.unclosable(browser),
                        policy,
                        waits::add,
                        RequestThrottle.unlimited(),
                        HttpFetcher.browserHeaders(config.webBase())));
    }

    @Test
    void readsWhatTheHttpTransportReadsWithTheBrowsersOwnHeadersAcrossOrigins() throws SourceException {
        server.api("/users/7", request -> USER);
        TestClients.serveTrackPages(server);
        Optional<Account> profile;
        List<Track> tracks;
        try (WebApiClient client = client(config())) {
            profile = client.profile(7);
            tracks = client.tracks(7, 50);
        }
        try (WebApiClient http = TestClients.recording(config().withTransport(Transport.HTTP))) {
            assertThat(profile).isPresent().isEqualTo(http.profile(7));
            assertThat(tracks).hasSize(3).isEqualTo(http.tracks(7, 50));
        }
        Request api = server.requestsTo("/users/7").get(0);
        assertThat(api.header("Origin"))
                .isEqualTo("http://127.0.0.1:" + server.base().getPort());
        assertThat(api.header("User-Agent")).contains("Chrome/").isNotEqualTo(HttpFetcher.USER_AGENT);
        assertThat(api.header("Host")).startsWith("localhost:");
        assertThat(java.util.logging.Logger.getLogger("org.openqa.selenium").getLevel())
                .as("Selenium's own logging stays off the command line")
                .isEqualTo(java.util.logging.Level.OFF);
    }

    @Test
    void discoversTheClientIdInThePageScriptsSendingThePagesCookie() throws SourceException {
        server.acceptClientId(SCRIPT_ID);
        server.page(
                "/scripts/",
                request -> Reply.html(resource("home_scripts_only.html")
                        .replace("{{BASE}}", server.base().toString())));
        server.page("/assets/54-config.js", request -> Reply.json(resource("app_config.js")));
        server.page("/assets/0-vendor.js", request -> Reply.json(resource("vendor.js")));
        server.api("/users/7", request -> USER);
        try (WebApiClient client = client(config().withWebBase(pageBase.resolve("/scripts/")))) {
            assertThat(client.profile(7)).map(Account::permalink).contains("seven");
        }
        assertThat(server.requestsTo("/users/7").get(0).param("client_id")).isEqualTo(SCRIPT_ID);
        List<Request> config = server.requestsTo("/assets/54-config.js");
        assertThat(config.get(config.size() - 1).header("Cookie")).contains("scmap_page=p1");
    }

    @Test
    void aCaptchaIsReportedAsBlockedAtOnce() {
        server.api("/users/7", request -> Reply.status(403, captcha()));
        try (WebApiClient client = client(config())) {
            assertThatThrownBy(() -> client.profile(7))
                    .isInstanceOf(BlockedException.class)
                    .hasMessage(BlockedException.MESSAGE);
        }
        assertThat(server.requestsTo("/users/7")).hasSize(1);
        assertThat(waits).isEmpty();
    }

    private static String captcha() {
        return "{\"url\":\"https://geo.captcha-delivery.com/captcha/?initialCid=x\"}";
    }

    @Test
    void rateLimitsAndServerErrorsAreRetriedHonouringTheExposedRetryAfter() throws SourceException {
        server.apiSequence(
                "/users/7",
                Reply.status(429, "{}").withHeader("Retry-After", "2"),
                Reply.status(503, "<html>down</html>"),
                USER);
        try (WebApiClient client = client(config())) {
            assertThat(client.profile(7)).isPresent();
            assertThat(client.requestCount()).isEqualTo(4); // the home page, then three tries
        }
        assertThat(waits).hasSize(2);
        assertThat(waits.get(0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(waits.get(1)).isBetween(Duration.ofMillis(10), Duration.ofMillis(20));
    }

    @Test
    void anAnswerWithoutCorsHeadersIsRefusedByTheBrowserAndSaysSo() {
        server.api("/users/7", request -> USER);
        server.allowCors(false);
        try (WebApiClient client = client(config().withMaxRetries(1))) {
            assertThatThrownBy(() -> client.profile(7))
                    .isInstanceOf(SourceException.class)
                    .hasMessageContaining("gave up on http://localhost:")
                    .hasMessageContaining("after 2 attempts")
                    .hasMessageContaining("TypeError")
                    .hasMessageContaining("CORS")
                    .satisfies(e -> assertThat(((SourceException) e).status()).isZero());
        }
        // the server answered both tries; the browser withheld the answers from the page
        assertThat(server.requestsTo("/users/7")).hasSize(2);
    }

    @Test
    void threadsTakeTurnsOnTheOneBrowser() throws Exception {
        server.api("/users/7", request -> USER);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (WebApiClient client = client(config().withClientId(CLIENT_ID))) {
            List<Future<Optional<Account>>> results = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                results.add(pool.submit(() -> client.profile(7)));
            }
            for (Future<Optional<Account>> result : results) {
                assertThat(result.get()).isPresent();
            }
            assertThat(client.requestCount()).isEqualTo(12);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void closingQuitsTheBrowserAndLaterRequestsFail() throws Exception {
        server.api("/users/7", request -> USER);
        Set<ProcessHandle> before = descendants();
        WebApiConfig config = config().withClientId(CLIENT_ID);
        SoundCloudClient client = SoundCloud.webApi(
                config.withBrowser(executables.browser()).withChromedriver(executables.chromedriver()));
        assertThat(client.profile(7)).isPresent();
        Set<ProcessHandle> started = descendants();
        started.removeAll(before);
        assertThat(started).as("chromedriver and chromium run").isNotEmpty();
        client.close();
        for (ProcessHandle process : started) {
            process.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertThatThrownBy(() -> client.profile(7)).isInstanceOf(IllegalStateException.class);
        BrowserWire wire = new BrowserWire(executables, pageBase, apiBase, Duration.ofSeconds(5));
        wire.close();
        assertThatThrownBy(() -> wire.exchange(Wire.Request.get(apiBase, java.util.Map.of())))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("closed");
    }

    private static Set<ProcessHandle> descendants() {
        return ProcessHandle.current()
                .descendants()
                .filter(ProcessHandle::isAlive)
                .collect(Collectors.toSet());
    }

    @Test
    void aBrowserThatDoesNotStartIsOneLineNamingIt() {
        BrowserWire broken = new BrowserWire(
                new ChromiumSession.Executables(Path.of("/bin/false"), executables.chromedriver()),
                pageBase,
                apiBase,
                Duration.ofSeconds(5));
        try {
            assertThatThrownBy(() -> broken.exchange(Wire.Request.get(apiBase, java.util.Map.of())))
                    .isInstanceOf(SourceException.class)
                    .hasMessageStartingWith("the browser did not start (/bin/false through ")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        } finally {
            broken.close();
        }
    }
}
