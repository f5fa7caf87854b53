package io.scmap.source;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A loopback HTTP server for tests: routes by exact path, records every request, and for API routes
 * answers 401 unless the request carries the expected client_id.
 */
final class LoopbackServer implements AutoCloseable {

    /** A request as the server saw it. */
    record Request(String path, @Nullable String rawQuery, Map<String, List<String>> headers) {
        /** The first value of a query parameter, decoded; null when absent. */
        @Nullable
        String param(String name) {
            List<String> values = params(name);
            return values.isEmpty() ? null : values.get(0);
        }

        /** All values of a query parameter, decoded. */
        List<String> params(String name) {
            List<String> values = new ArrayList<>();
            if (rawQuery == null) {
                return values;
            }
            for (String pair : rawQuery.split("&", -1)) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                if (key.equals(name)) {
                    values.add(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            return values;
        }

        @Nullable
        String header(String name) {
            return TestClients.header(headers, name);
        }
    }

    /** A canned response; {@code declaredLength} > body length sends a truncated body. */
    record Reply(int status, String body, Map<String, String> headers, long declaredLength) {
        static Reply json(String body) {
            return new Reply(200, body, Map.of("Content-Type", "application/json"), -1);
        }

        static Reply status(int status, String body) {
            return new Reply(status, body, Map.of("Content-Type", "application/json"), -1);
        }

        static Reply html(String body) {
            return new Reply(200, body, Map.of("Content-Type", "text/html; charset=utf-8"), -1);
        }

        Reply withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Reply(status, body, more, declaredLength);
        }

        Reply cutShort(long declared) {
            return new Reply(status, body, headers, declared);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Function<Request, Reply>> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile String validClientId = "";
    private volatile boolean cors;

    LoopbackServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The client_id API routes accept from now on. */
    void acceptClientId(String clientId) {
        validClientId = clientId;
    }

    /**
     * Whether answers to requests with an {@code Origin} carry CORS headers allowing that origin with
     * credentials and exposing {@code Retry-After}, as api-v2 does (off by default).
     */
    void allowCors(boolean allow) {
        cors = allow;
    }

    /** A page or asset route (no client_id check). */
    void page(String path, Function<Request, Reply> handler) {
        routes.put(path, handler);
    }

    /** A route that judges client_id itself. */
    void routeRaw(String path, Function<Request, Reply> handler) {
        routes.put(path, handler);
    }

    /** An API route: 401 unless the request's only client_id is the valid one. */
    void api(String path, Function<Request, Reply> handler) {
        routes.put(
                path,
                request -> request.params("client_id").equals(List.of(validClientId))
                        ? handler.apply(request)
                        : Reply.status(401, "{\"error\":\"invalid client_id\"}"));
    }

    /** An API route that serves {@code replies} in turn, repeating the last. */
    void apiSequence(String path, Reply... replies) {
        AtomicInteger next = new AtomicInteger();
        api(path, request -> replies[Math.min(next.getAndIncrement(), replies.length - 1)]);
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Forgets the requests recorded so far (for a server shared by several tests). */
    void forgetRequests() {
        requests.clear();
    }

    List<Request> requestsTo(String path) {
        return requests().stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            Request request =
                    new Request(uri.getRawPath(), uri.getRawQuery(), Map.copyOf(exchange.getRequestHeaders()));
            requests.add(request);
            Function<Request, Reply> route = routes.get(request.path());
            Reply reply = route == null ? Reply.status(404, "{}") : route.apply(request);
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            String origin = exchange.getRequestHeaders().getFirst("Origin");
            if (cors && origin != null) {
                exchange.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
                exchange.getResponseHeaders().set("Access-Control-Allow-Credentials", "true");
                exchange.getResponseHeaders().set("Access-Control-Expose-Headers", "Retry-After");
                exchange.getResponseHeaders().set("Vary", "Origin");
            }
            reply.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            long length = reply.declaredLength() > 0 ? reply.declaredLength() : body.length == 0 ? -1 : body.length;
            exchange.sendResponseHeaders(reply.status(), length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            } catch (IOException e) {
                // a deliberately short body: closing early is the point
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
