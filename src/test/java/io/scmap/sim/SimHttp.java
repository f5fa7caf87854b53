package io.scmap.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A tiny HTTP client for tests: GETs paths of a simulated SoundCloud, adding the current client id. */
final class SimHttp {
    static final ObjectMapper JSON = new ObjectMapper();

    private final SimulatedSoundCloud sim;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    SimHttp(SimulatedSoundCloud sim) {
        this.sim = sim;
    }

    /** GET of an absolute URL, as is. */
    HttpResponse<String> getUrl(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(20))
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET of a path on the simulator, as is (no client id). */
    HttpResponse<String> getRaw(String pathAndQuery) {
        return getUrl(sim.baseUrl() + pathAndQuery);
    }

    /** GET of an API path with the current client id appended. */
    HttpResponse<String> api(String pathAndQuery) {
        return getUrl(withClientId(sim.baseUrl() + pathAndQuery));
    }

    /** An API path's JSON; fails unless the status is 200. */
    JsonNode json(String pathAndQuery) {
        HttpResponse<String> response = api(pathAndQuery);
        if (response.statusCode() != 200) {
            throw new AssertionError("HTTP " + response.statusCode() + " for " + pathAndQuery + ": " + response.body());
        }
        return parse(response.body());
    }

    String withClientId(String url) {
        return url + (url.contains("?") ? "&" : "?") + "client_id=" + sim.clientId();
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
