package io.scmap.sim;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * Serves every request: the home page and assets, then, for API paths, the client id check (401), the
 * fault schedule and the API routes. Counts requests. Stateless apart from counters and the fault
 * injector's per-key map, so it runs on many threads without locks.
 *
 * <p>CORS, as api-v2 does for soundcloud.com's pages on another origin: a request carrying {@code
 * Origin} gets {@code Access-Control-Allow-Origin: <that origin>}, {@code
 * Access-Control-Allow-Credentials: true}, {@code Access-Control-Expose-Headers: Retry-After} and
 * {@code Vary: Origin} on every answer, errors, faults and captchas included, since a browser hides
 * the status of an answer without them. Any origin is allowed. An {@code OPTIONS} preflight gets 204
 * with the allowed methods ({@code GET, HEAD, OPTIONS}) and the headers it asks for, and meets no
 * fault.
 */
final class SimHandler implements HttpHandler {
    private final ApiRoutes routes;
    private final WebPages pages;
    private final ClientIdIssuer clientIds;
    private final FaultInjector faults;
    private final LongAdder served = new LongAdder();

    SimHandler(ApiRoutes routes, WebPages pages, ClientIdIssuer clientIds, FaultInjector faults) {
        this.routes = routes;
        this.pages = pages;
        this.clientIds = clientIds;
        this.faults = faults;
    }

    long served() {
        return served.sum();
    }

    static final String ALLOWED_METHODS = "GET, HEAD, OPTIONS";

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        served.increment();
        try (exchange) {
            addCorsHeaders(exchange);
            if (exchange.getRequestMethod().equals("OPTIONS")) {
                preflight(exchange);
                return;
            }
            Response response;
            try {
                response = respond(exchange.getRequestMethod(), exchange.getRequestURI());
            } catch (RuntimeException e) {
                response = Response.error(500, "simulator failure: " + e);
            }
            send(exchange, response);
        }
    }

    /** The CORS answer headers for a request that names its {@code Origin}; none without one. */
    private static void addCorsHeaders(HttpExchange exchange) {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin == null || origin.isBlank()) {
            return;
        }
        Headers headers = exchange.getResponseHeaders();
        headers.set("Access-Control-Allow-Origin", origin);
        headers.set("Access-Control-Allow-Credentials", "true");
        headers.set("Access-Control-Expose-Headers", "Retry-After");
        headers.add("Vary", "Origin");
    }

    /** 204 to {@code OPTIONS}: for a preflight, the methods and the requested headers it may use. */
    private static void preflight(HttpExchange exchange) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Allow", ALLOWED_METHODS);
        if (headers.containsKey("Access-Control-Allow-Origin")) {
            headers.set("Access-Control-Allow-Methods", ALLOWED_METHODS);
            String asked = exchange.getRequestHeaders().getFirst("Access-Control-Request-Headers");
            if (asked != null && !asked.isBlank()) {
                headers.set("Access-Control-Allow-Headers", asked);
                headers.add("Vary", "Access-Control-Request-Headers");
            }
            headers.set("Access-Control-Max-Age", "600");
        }
        exchange.sendResponseHeaders(204, -1);
    }

    /** The response to one request; may sleep for a slow fault. */
    Response respond(String method, URI uri) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return Response.error(405, "method not allowed: " + method);
        }
        String path = uri.getRawPath() == null ? "/" : uri.getRawPath();
        String rawQuery = uri.getRawQuery();
        Map<String, String> query;
        try {
            query = parseQuery(rawQuery);
        } catch (IllegalArgumentException e) {
            return Response.error(400, "malformed query");
        }
        if (path.equals("/")) {
            return pages.homePage(clientIds.current());
        }
        if (path.startsWith("/assets/")) {
            Response asset = pages.asset(path.substring("/assets/".length()), clientIds.current());
            return asset == null ? Response.notFound() : asset;
        }
        if (!clientIds.current().equals(query.get("client_id"))) {
            return Response.error(401, "client_id missing or invalid");
        }
        String key = faultKey(path, rawQuery);
        FaultInjector.Fault fault = faults.next(key);
        if (fault == FaultInjector.Fault.NONE) {
            return routes.route(path, query);
        }
        if (fault == FaultInjector.Fault.SLOW) {
            sleep(faults.slowMillis(key));
            return routes.route(path, query);
        }
        if (fault == FaultInjector.Fault.TRUNCATED) {
            return FaultInjector.truncate(routes.route(path, query));
        }
        return FaultInjector.errorResponse(fault);
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", response.contentType);
        if (response.retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", response.retryAfter);
        }
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(response.status, head || response.body.length == 0 ? -1 : response.body.length);
        if (!head && response.body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body);
            }
        }
    }

    /** Query parameters, decoded; the first value of a repeated name wins. */
    static Map<String, String> parseQuery(@Nullable String rawQuery) {
        Map<String, String> query = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.putIfAbsent(name, value);
        }
        return query;
    }

    /** Path and query without the client id, so a request keeps its key across client id changes. */
    static String faultKey(String path, @Nullable String rawQuery) {
        StringBuilder key = new StringBuilder(path);
        if (rawQuery != null) {
            char separator = '?';
            for (String pair : rawQuery.split("&", -1)) {
                if (!pair.startsWith("client_id=") && !pair.equals("client_id")) {
                    key.append(separator).append(pair);
                    separator = '&';
                }
            }
        }
        return key.toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
