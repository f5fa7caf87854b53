package io.scmap.source;

import static io.scmap.source.TestClients.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scmap.source.LoopbackServer.Reply;
import io.scmap.source.LoopbackServer.Request;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries, client_id rotation, bot protection and interrupts, against a loopback server. */
class WebApiFaultTest {
    private static final String HYDRATED_ID = "OwnHydratedClientId0000000000001";
    private static final String SCRIPT_ID = "OwnScriptClientId000000000000002";
    private static final Reply USER = Reply.json(resource("user_7.json"));

    private LoopbackServer server;
    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() {
        server = new LoopbackServer();
        server.acceptClientId(HYDRATED_ID);
        server.page("/", request -> Reply.html(resource("home_hydration.html")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private WebApiClient client() {
        return TestClients.recording(TestClients.config(server.base()).withClientId(HYDRATED_ID), waits);
    }

    @Test
    void tooManyRequestsWaitsAsToldThenSucceeds() throws SourceException {
        server.apiSequence("/users/7", Reply.status(429, "{}").withHeader("Retry-After", "7"), USER);
        try (WebApiClient client = client()) {
            assertThat(client.profile(7)).isPresent();
            assertThat(client.requestCount()).isEqualTo(2);
        }
        assertThat(waits).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterBeyondTheCapWaitsOnlyTheCap() throws SourceException {
        server.apiSequence("/users/7", Reply.status(429, "{}").withHeader("Retry-After", "3600"), USER);
        try (WebApiClient client = client()) {
            assertThat(client.profile(7)).isPresent();
        }
        assertThat(waits).containsExactly(Duration.ofSeconds(60));
    }

    @Test
    void serviceUnavailableIsRetriedWithJitteredBackoff() throws SourceException {
        server.apiSequence("/users/7", Reply.status(503, "<html>down</html>"), Reply.status(502, ""), USER);
        try (WebApiClient client = client()) {
            assertThat(client.profile(7)).isPresent();
            assertThat(client.requestCount()).isEqualTo(3);
        }
        assertThat(waits).hasSize(2);
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(waits.get(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void truncatedJsonIsRetried() throws SourceException {
        String full = resource("user_7.json");
        server.apiSequence("/users/7", Reply.json(full.substring(0, full.length() / 2)), USER);
        try (WebApiClient client = client()) {
            assertThat(client.profile(7)).isPresent();
        }
        assertThat(server.requestsTo("/users/7")).hasSize(2);
    }

    @Test
    void aStalledBodyTimesOutAndIsRetried() throws SourceException {
        String full = resource("user_7.json");
        server.apiSequence("/users/7", Reply.json(full.substring(0, 20)).cutShort(full.length()), Reply.json(""), USER);
        WebApiConfig config =
                TestClients.config(server.base()).withClientId(HYDRATED_ID).withTimeout(Duration.ofMillis(300));
        try (WebApiClient client = TestClients.recording(config, waits)) {
            assertThat(client.profile(7)).isPresent();
        }
        assertThat(server.requestsTo("/users/7")).hasSize(3);
    }

    @Test
    void givesUpAfterMaxRetriesWithStatusAndUrl() {
        server.apiSequence("/users/7", Reply.status(500, "{}"));
        WebApiClient client = TestClients.recording(
                TestClients.config(server.base()).withClientId(HYDRATED_ID).withMaxRetries(3), waits);
        assertThatThrownBy(() -> client.profile(7)).isInstanceOfSatisfying(SourceException.class, e -> {
            assertThat(e.status()).isEqualTo(500);
            assertThat(e.uri()).hasPath("/users/7");
            assertThat(e.getMessage()).contains("after 4 attempts").contains("HTTP 500");
        });
        assertThat(server.requestsTo("/users/7")).hasSize(4);
        assertThat(waits).hasSize(3);
        assertThat(client.requestCount()).isEqualTo(4);
    }

    @Test
    void notFoundIsNotRetried() throws SourceException {
        try (WebApiClient client = client()) {
            assertThat(client.profile(404)).isEmpty();
            assertThat(client.requestCount()).isEqualTo(1);
        }
        assertThat(waits).isEmpty();
    }

    @Test
    void timeoutsAreRetried() throws SourceException {
        AtomicInteger calls = new AtomicInteger();
        server.api("/users/7", request -> {
            if (calls.getAndIncrement() == 0) {
                sleepQuietly(3000);
            }
            return USER;
        });
        try (WebApiClient client = TestClients.recording(
                TestClients.config(server.base()).withClientId(HYDRATED_ID).withTimeout(Duration.ofMillis(300)),
                waits)) {
            assertThat(client.profile(7)).isPresent();
        }
        assertThat(waits).hasSize(1);
    }

    @Test
    void captchaIsReportedAsBlockedWithoutRetry() {
        server.apiSequence(
                "/users/7", Reply.status(403, "{\"url\":\"https://geo.captcha-delivery.com/captcha/?initialCid=x\"}"));
        WebApiClient client = client();
        assertThatThrownBy(() -> client.profile(7)).isInstanceOfSatisfying(BlockedException.class, e -> {
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.getMessage())
                    .isEqualTo("blocked by bot protection; try later, another network, or the official API");
        });
        assertThat(server.requests()).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void rejectedClientIdIsRediscoveredOnceAndTheCallRepeated() throws SourceException {
        server.api("/users/7", request -> USER);
        try (WebApiClient client =
                TestClients.recording(TestClients.config(server.base()).withClientId("stale"), waits)) {
            assertThat(client.profile(7)).isPresent();
            assertThat(server.requests())
                    .extracting(r -> r.path() + " " + r.param("client_id"))
                    .containsExactly("/users/7 stale", "/ null", "/users/7 " + HYDRATED_ID);
            assertThat(client.profile(7)).isPresent();
            assertThat(client.requestCount()).isEqualTo(4);
        }
    }

    @Test
    void rotatedClientIdIsFollowedAfterAForbidden() throws SourceException {
        AtomicBoolean rotated = new AtomicBoolean();
        server.page(
                "/",
                request -> Reply.html(
                        rotated.get()
                                ? resource("home_hydration.html").replace(HYDRATED_ID, "Rotated")
                                : resource("home_hydration.html")));
        server.routeRaw("/users/7", request -> {
            String expected = rotated.get() ? "Rotated" : HYDRATED_ID;
            return expected.equals(request.param("client_id")) ? USER : Reply.status(403, "{}");
        });
        try (WebApiClient client = TestClients.recording(TestClients.config(server.base()), waits)) {
            assertThat(client.profile(7)).isPresent();
            rotated.set(true);
            assertThat(client.profile(7)).isPresent();
        }
        assertThat(server.requestsTo("/")).hasSize(2);
    }

    @Test
    void aSecondRefusalIsAClearError() {
        server.acceptClientId("nobody-offers-this");
        server.api("/users/7", request -> USER);
        WebApiClient client = TestClients.recording(TestClients.config(server.base()), waits);
        assertThatThrownBy(() -> client.profile(7)).isInstanceOfSatisfying(SourceException.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.getMessage()).contains("refused the client_id twice").contains(HYDRATED_ID);
        });
        assertThat(server.requests()).extracting(Request::path).containsExactly("/", "/users/7", "/", "/users/7");
    }

    @Test
    void scriptsAreSearchedLastFirstWhenTheHydrationHasNoApiClient() throws SourceException {
        server.acceptClientId(SCRIPT_ID);
        server.page(
                "/",
                request -> Reply.html(resource("home_scripts_only.html")
                        .replace("{{BASE}}", server.base().toString())));
        server.page("/assets/54-config.js", request -> Reply.json(resource("app_config.js")));
        server.page("/assets/0-vendor.js", request -> Reply.json(resource("vendor.js")));
        server.api("/users/7", request -> USER);
        try (WebApiClient client = TestClients.recording(TestClients.config(server.base()), waits)) {
            assertThat(client.profile(7)).isPresent();
        }
        assertThat(server.requests())
                .extracting(r -> r.path() + (r.rawQuery() == null ? "" : "?" + r.rawQuery()))
                .containsExactly(
                        "/",
                        "/assets/55-missing.js?v=1&x=2",
                        "/assets/54-config.js",
                        "/users/7?client_id=" + SCRIPT_ID);
    }

    @Test
    void noClientIdAnywhereIsAClearError() {
        server.page("/", request -> Reply.html("<html><script src=\"/assets/0-vendor.js\"></script></html>"));
        server.page("/assets/0-vendor.js", request -> Reply.json(resource("vendor.js")));
        WebApiClient client = TestClients.recording(TestClients.config(server.base()), waits);
        assertThatThrownBy(() -> client.profile(7))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("cannot discover client_id")
                .hasMessageContaining("1 scripts");
    }

    @Test
    void sameSeedSameWaitsThroughTheClient() throws SourceException {
        List<Duration> first = waitsOfFlakyCall(11);
        List<Duration> second = waitsOfFlakyCall(11);
        assertThat(first).hasSize(3).isEqualTo(second);
    }

    private List<Duration> waitsOfFlakyCall(long seed) throws SourceException {
        String path = "/users/" + (100 + seed + waits.size());
        server.apiSequence(path, Reply.status(503, ""), Reply.status(503, ""), Reply.status(503, ""), USER);
        List<Duration> recorded = new ArrayList<>();
        try (WebApiClient client = TestClients.recording(
                TestClients.config(server.base()).withClientId(HYDRATED_ID).withSeed(seed), recorded)) {
            client.profile(Long.parseLong(path.substring(7)));
        }
        waits.addAll(recorded);
        return recorded;
    }

    @Test
    void realSleepsWithTinyBackoffStillRecover() throws SourceException {
        server.apiSequence("/users/7", Reply.status(503, ""), Reply.status(429, ""), USER);
        WebApiConfig config = TestClients.config(server.base())
                .withInitialBackoff(Duration.ofMillis(1))
                .withMaxBackoff(Duration.ofMillis(5));
        try (SoundCloudClient client = SoundCloud.webApi(config)) {
            assertThat(client.profile(7)).isPresent();
            assertThat(client.requestCount()).isEqualTo(4);
        }
    }

    @Test
    void aPendingInterruptAbortsAndStaysSet() {
        server.api("/users/7", request -> USER);
        WebApiClient client = client();
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> client.profile(7))
                    .isInstanceOfSatisfying(
                            SourceException.class, e -> assertThat(e.status()).isZero())
                    .hasMessageContaining("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void anInterruptDuringBackoffAbortsPromptly() throws InterruptedException {
        server.apiSequence("/users/7", Reply.status(503, ""));
        WebApiConfig config = TestClients.config(server.base())
                .withClientId(HYDRATED_ID)
                .withInitialBackoff(Duration.ofSeconds(30))
                .withMaxBackoff(Duration.ofSeconds(30));
        SoundCloudClient client = SoundCloud.webApi(config);
        InterruptedCall call = InterruptedCall.of(
                () -> client.profile(7),
                () -> !server.requestsTo("/users/7").isEmpty(),
                Duration.ofMillis(50),
                Duration.ofSeconds(5));
        // the backoff is 15-30 s; returning within 5 s means the wait was cut short
        assertThat(call.endedInTime()).isTrue();
        assertThat(call.thrown()).isInstanceOf(SourceException.class).hasMessageContaining("interrupted");
        assertThat(call.flagKept()).isTrue();
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
