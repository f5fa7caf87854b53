package io.scmap.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.scmap.source.OfficialServer.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The official client's token and API requests pass one throttle of {@link OfficialApiConfig#rate()}. */
class OfficialRateTest {
    private static final String USER_7 = "/users/soundcloud:users:7";

    private OfficialServer server;
    private final List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() {
        server = new OfficialServer();
        server.route(OfficialServer.TOKEN_PATH, request -> arrive(Reply.json(resource("token.json"))));
        server.route(USER_7, request -> arrive(Reply.json(resource("user_7.json"))));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Reply arrive(Reply reply) {
        arrivals.add(System.nanoTime());
        return reply;
    }

    private static String resource(String name) {
        return TestClients.resource("official/" + name);
    }

    private static Duration between(long from, long to) {
        return Duration.ofNanos(to - from);
    }

    @Test
    void theTokenRequestAndTheApiRequestsShareOneBucket() throws SourceException {
        // 2 per second: one slot every 500 ms from the client's creation. The token request takes the
        // first slot; with a bucket of its own the first API request would follow at once.
        OfficialApiConfig config = server.config().withRate(2);
        try (OfficialApiClient client = server.client(config, new ArrayList<>(), TestClients.FIXED_CLOCK)) {
            assertThat(client.profile(7)).isPresent();
            assertThat(client.profile(7)).isPresent();
            assertThat(client.requestCount()).isEqualTo(3);
            assertThat(client.tokenRequests()).isEqualTo(1);
        }
        assertThat(arrivals).hasSize(3);
        assertThat(between(arrivals.get(0), arrivals.get(1))).isGreaterThan(Duration.ofMillis(350));
        assertThat(between(arrivals.get(1), arrivals.get(2))).isGreaterThan(Duration.ofMillis(350));
    }

    @Test
    void retriesOfTheTokenRequestWaitForTheBucketToo() throws SourceException {
        List<Duration> waits = new ArrayList<>();
        server.route(
                OfficialServer.TOKEN_PATH,
                request -> arrive(arrivals.size() == 0 ? Reply.status(503, "{}") : Reply.json(resource("token.json"))));
        OfficialApiConfig config = server.config().withRate(4).withInitialBackoff(Duration.ZERO);
        try (OfficialApiClient client = server.client(config, waits, TestClients.FIXED_CLOCK)) {
            assertThat(client.profile(7)).isPresent();
            assertThat(client.requestCount()).isEqualTo(3);
        }
        assertThat(waits).containsExactly(Duration.ZERO);
        assertThat(arrivals).hasSize(3);
        assertThat(between(arrivals.get(0), arrivals.get(2))).isGreaterThan(Duration.ofMillis(400));
    }

    @Test
    void aZeroRateSendsAtOnce() throws SourceException {
        try (OfficialApiClient client =
                server.client(server.config().withRate(0), new ArrayList<>(), TestClients.FIXED_CLOCK)) {
            long start = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                assertThat(client.profile(7)).isPresent();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }
        assertThat(arrivals).hasSize(6);
    }
}
