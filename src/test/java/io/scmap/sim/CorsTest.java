package io.scmap.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulator answers a page on another origin the way api-v2 answers soundcloud.com: CORS headers
 * naming that origin on every answer, errors and faults included, and preflights answered.
 */
class CorsTest {
    private static final String PAGE = "http://127.0.0.1:4000";
    private static final SimParams FAULTY =
            SimParams.DEFAULTS.withArtists(120).withScenes(3).withSeed(5).withErrorRate(1.0);

    private static SimulatedSoundCloud sim;
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @BeforeAll
    static void start() throws IOException {
        sim = SimulatedSoundCloud.start(FAULTY, 0);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static HttpResponse<String> send(String method, String pathAndQuery, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String api(String path) {
        return path + (path.contains("?") ? "&" : "?") + "client_id=" + sim.clientId();
    }

    private static void assertAllowsThePage(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(PAGE);
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials"))
                .contains("true");
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers"))
                .contains("Retry-After");
        assertThat(response.headers().allValues("Vary")).contains("Origin");
    }

    @Test
    void everyAnswerToAPageOnAnotherOriginAllowsItWithCredentials() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (String path : List.of(
                api("/resolve?url=https%3A%2F%2Fsoundcloud.com%2F"
                        + sim.seedPermalinks(1).get(0)),
                api("/users/999999999"),
                "/users/1?client_id=wrong",
                "/",
                "/assets/nothing.js")) {
            HttpResponse<String> response = send("GET", path, "Origin", PAGE);
            statuses.add(response.statusCode());
            assertAllowsThePage(response);
        }
        // with every first attempt failing, the API paths met faults (429, 5xx or a cut body) or 401/404
        assertThat(statuses).contains(401, 200, 404);
        assertThat(statuses.get(0)).isIn(200, 429, 500, 502, 503);
    }

    @Test
    void aRateLimitFaultCarriesItsRetryAfterAndTheCorsHeaders() throws Exception {
        for (int i = 0; i < 40; i++) {
            HttpResponse<String> response = send("GET", api("/users/" + (1000 + i) + "/likes?limit=5"), "Origin", PAGE);
            assertAllowsThePage(response);
            if (response.statusCode() == 429
                    && response.headers().firstValue("Retry-After").isPresent()) {
                return;
            }
        }
        throw new AssertionError("no 429 with Retry-After in 40 faulty requests");
    }

    @Test
    void aRequestWithoutOriginGetsNoCorsHeaders() throws Exception {
        HttpResponse<String> response = send("GET", "/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(response.headers().firstValue("Vary")).isEmpty();
    }

    @Test
    void aPreflightIsAnsweredWithoutMeetingAFault() throws Exception {
        HttpResponse<String> response = send(
                "OPTIONS",
                api("/users/1"),
                "Origin",
                PAGE,
                "Access-Control-Request-Method",
                "GET",
                "Access-Control-Request-Headers",
                "authorization, x-datadome-clientid");
        assertThat(response.statusCode()).isEqualTo(204);
        assertAllowsThePage(response);
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods"))
                .contains("GET, HEAD, OPTIONS");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers"))
                .contains("authorization, x-datadome-clientid");
        assertThat(response.headers().firstValue("Access-Control-Max-Age")).contains("600");
        assertThat(response.body()).isEmpty();

        HttpResponse<String> plain = send("OPTIONS", "/");
        assertThat(plain.statusCode()).isEqualTo(204);
        assertThat(plain.headers().firstValue("Allow")).contains("GET, HEAD, OPTIONS");
        assertThat(plain.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
