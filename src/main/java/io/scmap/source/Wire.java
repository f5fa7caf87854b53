package io.scmap.source;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Makes one HTTP exchange: sends a request and reads the whole answer, nothing more. Throttling,
 * retries, counting and judging the answer are {@link HttpFetcher}'s; a wire only carries bytes.
 *
 * <p>Implementations: {@link HttpWire} (Java's HTTP client) and {@link BrowserWire} (fetch() inside a
 * headless Chromium page). Both are thread-safe.
 */
interface Wire extends AutoCloseable {

    /** One request: method, URI, headers (the wire may drop those it cannot send) and an optional body. */
    record Request(
            String method,
            URI uri,
            Map<String, String> headers,
            @Nullable String body) {
        public Request {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(uri, "uri");
            headers = Map.copyOf(headers);
        }

        static Request get(URI uri, Map<String, String> headers) {
            return new Request("GET", uri, headers, null);
        }
    }

    /** The whole answer: status, body text, and the two headers the clients read. */
    record Reply(
            int status,
            String body,
            @Nullable String retryAfter,
            @Nullable String location) {}

    /** The settings of the web client's wire: {@link Transport#HTTP} or {@link Transport#BROWSER}. */
    static Wire forWebApi(WebApiConfig config) {
        return switch (config.transport()) {
            case HTTP -> new HttpWire(config.timeout(), true);
            case BROWSER -> BrowserWire.forWebApi(config);
        };
    }

    /**
     * Sends {@code request} and reads the whole answer within the wire's timeout.
     *
     * @throws IOException when no complete answer arrived (refused, reset, timed out, refused by the
     *     browser's CORS check): worth retrying
     * @throws InterruptedException when the calling thread was interrupted
     * @throws SourceException when the wire itself cannot work (a browser that does not start):
     *     retrying would not help
     */
    Reply exchange(Request request) throws IOException, InterruptedException, SourceException;

    /** Releases what the wire holds (a browser); later exchanges fail. Closing again does nothing. */
    @Override
    void close();
}
