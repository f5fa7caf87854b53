package io.scmap.source;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A loopback stand-in for api.soundcloud.com and its token endpoint: routes by exact path (and
 * method), records every request with its headers and body, and answers 404 for unknown paths.
 */
final class OfficialServer implements AutoCloseable {
    static final String CLIENT_ID = "app-id-1";
    static final String CLIENT_SECRET = "s3cret-VALUE-never-shown";
    static final String TOKEN_PATH = "/oauth/token";

    /** A request as the server saw it. */
    record Request(
            String method, String path, @Nullable String rawQuery, Map<String, List<String>> headers, String body) {
        @Nullable
        String header(String name) {
            return TestClients.header(headers, name);
        }

        boolean isToken() {
            return path.equals(TOKEN_PATH);
        }
    }

    /** A canned response. */
    record Reply(int status, String body, Map<String, String> headers) {
        static Reply json(String body) {
            return new Reply(200, body, Map.of());
        }

        static Reply status(int status, String body) {
            return new Reply(status, body, Map.of());
        }
    }

    private final HttpServer server;
    private final Map<String, Function<Request, Reply>> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    OfficialServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Settings pointing the client here, with the test credentials, fast recorded backoff and no rate limit. */
    OfficialApiConfig config() {
        return OfficialApiConfig.of(CLIENT_ID, CLIENT_SECRET)
                .withApiBase(base())
                .withTokenUri(base().resolve(TOKEN_PATH))
                .withTimeout(Duration.ofSeconds(5))
                .withRate(0);
    }

    /** A client of this server whose waits go to {@code waits} and whose time is {@code clock}. */
    OfficialApiClient client(OfficialApiConfig config, List<Duration> waits, Clock clock) {
        RetryPolicy retry = new RetryPolicy(config.retrySettings(), new SplittableRandom(config.seed()), clock);
        return new OfficialApiClient(config, OfficialApiClient.fetcher(config, retry, waits::add), clock);
    }

    OfficialApiClient client() {
        return client(config(), Collections.synchronizedList(new ArrayList<>()), TestClients.FIXED_CLOCK);
    }

    void route(String path, Function<Request, Reply> handler) {
        routes.put(path, handler);
    }

    void route(String path, Reply reply) {
        routes.put(path, request -> reply);
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    List<Request> tokenRequests() {
        return requests().stream().filter(Request::isToken).toList();
    }

    List<Request> apiRequests() {
        return requests().stream().filter(request -> !request.isToken()).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request request = new Request(
                    exchange.getRequestMethod(),
                    uri.getPath(),
                    uri.getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    body);
            requests.add(request);
            Function<Request, Reply> route = routes.get(uri.getPath());
            Reply reply = route == null ? Reply.status(404, "{\"code\":404}") : route.apply(request);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            reply.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A clock tests move forward by hand. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
