package io.scmap.source;

import static io.scmap.source.TestClients.resource;
import static org.assertj.core.api.Assertions.assertThat;

import io.scmap.source.LoopbackServer.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The request rate limit of a whole client, against a loopback server; timing measured loosely. */
class WebApiRateTest {
    private static final String CLIENT_ID = "OwnHydratedClientId0000000000001";
    private static final Reply USER = Reply.json(resource("user_7.json"));

    private LoopbackServer server;

    @BeforeEach
    void start() {
        server = new LoopbackServer();
        server.acceptClientId(CLIENT_ID);
        server.page("/", request -> Reply.html(resource("home_hydration.html")));
        server.apiSequence("/users/7", Reply.status(503, ""), USER);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private WebApiClient client(WebApiConfig config) {
        return TestClients.recording(config.withInitialBackoff(Duration.ZERO).withMaxBackoff(Duration.ZERO));
    }

    @Test
    void discoveryRetriesAndListsAllPassTheOneBucket() throws SourceException {
        long start = System.nanoTime();
        try (WebApiClient client = client(TestClients.config(server.base()).withRate(20))) {
            for (int i = 0; i < 10; i++) {
                assertThat(client.profile(7)).isPresent();
            }
            // one home page, one 503, ten profiles
            assertThat(client.requestCount()).isEqualTo(12);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
    }

    @Test
    void parallelCallersShareOneBucket() throws Exception {
        WebApiClient client =
                client(TestClients.config(server.base()).withClientId(CLIENT_ID).withRate(20));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                try {
                    for (int i = 0; i < 3; i++) {
                        client.profile(7);
                    }
                } catch (SourceException | RuntimeException e) {
                    failure.set(e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        client.close();
        assertThat(failure.get()).isNull();
        assertThat(client.requestCount()).isEqualTo(13);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(550));
    }

    @Test
    void anUnlimitedRateAddsNoWaits() throws SourceException {
        long start = System.nanoTime();
        try (WebApiClient client = client(TestClients.config(server.base()).withRate(WebApiConfig.UNLIMITED_RATE))) {
            for (int i = 0; i < 10; i++) {
                client.profile(7);
            }
            assertThat(client.requestCount()).isEqualTo(12);
        }
        // at 1 request per second the same calls would take 11 s
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void theDefaultRateIsOneRequestPerSecondEvenOnLoopback() throws SourceException {
        WebApiConfig config =
                TestClients.config(server.base()).withClientId(CLIENT_ID).withRate(WebApiConfig.DEFAULTS.rate());
        long start = System.nanoTime();
        try (SoundCloudClient client = SoundCloud.webApi(config)) {
            for (int i = 0; i < 3; i++) {
                client.profile(9);
            }
        }
        // one request goes at once, up to one more in the same grid slot, then one per second
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void anInterruptWhileWaitingForTheRateAbortsAndStaysSet() throws Exception {
        WebApiClient client =
                client(TestClients.config(server.base()).withClientId(CLIENT_ID).withRate(0.2));
        InterruptedCall call = InterruptedCall.of(
                () -> client.profile(7),
                () -> !server.requestsTo("/users/7").isEmpty(),
                Duration.ofMillis(100),
                Duration.ofSeconds(2));
        // the retry after the 503 waits 5 s for its slot; returning within 2 s means the wait was cut short
        assertThat(call.endedInTime()).isTrue();
        assertThat(call.thrown())
                .isInstanceOfSatisfying(
                        SourceException.class, e -> assertThat(e.status()).isZero())
                .hasMessageContaining("interrupted");
        assertThat(call.flagKept()).isTrue();
        assertThat(client.requestCount()).isEqualTo(1);
        client.close();
    }

    @Test
    void otherRequestsSuchAsATokenPostShareTheBucketAndTheRetries() throws Exception {
        server.page("/oauth/token", request -> Reply.json("{\"access_token\":\"t\"}"));
        WebApiConfig config = TestClients.config(server.base()).withRate(20);
        RetryPolicy retry = new RetryPolicy(config, new SplittableRandom(1), TestClients.FIXED_CLOCK);
        HttpFetcher fetcher = new HttpFetcher(config, retry, wait -> {});
        Wire.Request post = new Wire.Request(
                "POST", server.base().resolve("/oauth/token"), Map.of(), "grant_type=client_credentials");
        long start = System.nanoTime();
        for (int i = 0; i < 6; i++) {
            assertThat(fetcher.execute(post, true, "the token").json()).isNotNull();
        }
        assertThat(fetcher.requestCount()).isEqualTo(6);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(225));
    }
}
