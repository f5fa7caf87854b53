package io.scmap.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/** Builds web clients for tests, with waits recorded instead of slept, and reads test resources. */
final class TestClients {
    static final Clock FIXED_CLOCK = Clock.fixed(Instant.parse("2026-04-14T03:30:30Z"), ZoneOffset.UTC);

    private TestClients() {}

    /** Settings pointing both bases at {@code base}, with a short timeout, the default backoff, no rate limit. */
    static WebApiConfig config(URI base) {
        return WebApiConfig.DEFAULTS
                .withApiBase(base)
                .withWebBase(base)
                .withTimeout(Duration.ofSeconds(5))
                .withRate(WebApiConfig.UNLIMITED_RATE);
    }

    /** A client whose waits are appended to {@code waits} rather than slept. */
    static WebApiClient recording(WebApiConfig config, List<Duration> waits) {
        RetryPolicy policy = new RetryPolicy(config, new SplittableRandom(config.seed()), FIXED_CLOCK);
        return new WebApiClient(config, new HttpFetcher(config, policy, waits::add));
    }

    /** A client whose waits are recorded and dropped. */
    static WebApiClient recording(WebApiConfig config) {
        return recording(config, Collections.synchronizedList(new ArrayList<>()));
    }

    /** {@code wire} with a close that does nothing, so that several clients can share one browser. */
    static Wire unclosable(Wire wire) {
        return new Wire() {
            @Override
            public Reply exchange(Request request) throws IOException, InterruptedException, SourceException {
                return wire.exchange(request);
            }

            @Override
            public void close() {}
        };
    }

    /**
     * Serves user 7's tracks on {@code server} from this package's resources, three pages by cursor:
     * the first, an empty page that still carries a cursor, and the last.
     */
    static void serveTrackPages(LoopbackServer server) {
        server.api("/users/7/tracks", request -> {
            String offset = request.param("offset");
            if (offset == null) {
                return LoopbackServer.Reply.json(resource("tracks_7_page1.json"));
            }
            return LoopbackServer.Reply.json(
                    resource(offset.startsWith("2025-06") ? "tracks_7_page2_empty.json" : "tracks_7_page3.json"));
        });
    }

    /** The first value of an HTTP header, its name matched ignoring case; null when absent. */
    static @Nullable String header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return null;
    }

    /** A test resource of this package as text. */
    static String resource(String name) {
        try (InputStream in = TestClients.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
