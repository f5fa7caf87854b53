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
import java.util.SplittableRandom;

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
