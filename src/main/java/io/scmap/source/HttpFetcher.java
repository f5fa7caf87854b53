package io.scmap.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.failsafe.Execution;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Sends requests through a {@link Wire}, at most as fast as its {@link RequestThrottle} lets them go,
 * retrying transient failures as {@link RetryPolicy} says (Failsafe counts the attempts; this class
 * does the waiting, through the {@link RetryPolicy.Sleeper}), and counts every request it sends. The
 * web and the official clients both send everything through one of these, so the rules below hold
 * for both, whichever wire carries the bytes.
 *
 * <p>A 403 whose body names {@code captcha-delivery} becomes a {@link BlockedException} at once.
 * Retried: 429, 500, 502, 503, 504 (honouring {@code Retry-After}), I/O failures of the wire, and, for
 * a JSON request, a 2xx body that is not JSON. Other responses are returned as they are for the caller
 * to judge (404, 401, a redirect, ...). An interrupt restores the thread's interrupt flag and ends the
 * call with a {@link SourceException} of status 0. Thread-safe.
 */
final class HttpFetcher implements AutoCloseable {
    /** A current desktop Chrome, as soundcloud.com expects its own web client to be. */
    static final String USER_AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";

    static final String ACCEPT_JSON = "application/json, text/javascript, */*";
    static final String ACCEPT_HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    static final String ACCEPT_ANY = "*/*";

    /**
     * What came back: the final status, the body, the {@code Location} header and, for a JSON request
     * with a 2xx status, its tree.
     */
    record Fetched(
            int status,
            String body,
            @Nullable JsonNode json,
            URI uri,
            @Nullable String location) implements Outcome {
        boolean isSuccess() {
            return status / 100 == 2;
        }

        boolean isRedirect() {
            return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
        }

        /**
         * The JSON of a 2xx answer, null for a 404 (a deleted or unknown object).
         *
         * @throws SourceException for any other status, or a 2xx without JSON
         */
        @Nullable
        JsonNode jsonUnless404() throws SourceException {
            if (status == 404) {
                return null;
            }
            if (!isSuccess() || json == null) {
                throw new SourceException("HTTP " + status + " from " + uri, status, uri, null);
            }
            return json;
        }
    }

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final Wire wire;
    private final dev.failsafe.RetryPolicy<Outcome> policy;
    private final RetryPolicy.Sleeper sleeper;
    private final RequestThrottle throttle;
    private final Map<String, String> headers;
    private final AtomicLong requests = new AtomicLong();

    /** A web api-v2 fetcher on the config's {@link Transport}, throttled to {@link WebApiConfig#rate()}. */
    HttpFetcher(WebApiConfig config, RetryPolicy retry, RetryPolicy.Sleeper sleeper) {
        this(config, retry, sleeper, RequestThrottle.of(config));
    }

    /** A web api-v2 fetcher on the config's {@link Transport} whose every request first passes {@code throttle}. */
    HttpFetcher(WebApiConfig config, RetryPolicy retry, RetryPolicy.Sleeper sleeper, RequestThrottle throttle) {
        this(Wire.forWebApi(config), retry, sleeper, throttle, browserHeaders(config.webBase()));
    }

    /**
     * A fetcher on {@code wire} whose every request, retries included, first passes {@code throttle}
     * and carries {@code headers} (a request's own headers win).
     */
    HttpFetcher(
            Wire wire,
            RetryPolicy retry,
            RetryPolicy.Sleeper sleeper,
            RequestThrottle throttle,
            Map<String, String> headers) {
        this.wire = wire;
        this.policy = retry.toFailsafe(outcome -> outcome instanceof Failure, HttpFetcher::retryAfter);
        this.sleeper = sleeper;
        this.throttle = throttle;
        this.headers = Map.copyOf(headers);
    }

    /** The headers soundcloud.com's own web client sends from a desktop browser on {@code webBase}. */
    static Map<String, String> browserHeaders(URI webBase) {
        String web = webBase.toString();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", USER_AGENT);
        headers.put("Accept-Language", "en-US,en;q=0.9");
        headers.put("Origin", webBase.getScheme() + "://" + webBase.getRawAuthority());
        headers.put("Referer", web.endsWith("/") ? web : web + "/");
        return headers;
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }

    long requestCount() {
        return requests.get();
    }

    /** GETs {@code uri}, expecting JSON; a 2xx body that does not parse is retried like a 503. */
    Fetched json(URI uri) throws SourceException {
        return fetch(uri, ACCEPT_JSON, true);
    }

    /** GETs {@code uri} as text (a page or a script). */
    Fetched text(URI uri, String accept) throws SourceException {
        return fetch(uri, accept, false);
    }

    private Fetched fetch(URI uri, String accept, boolean json) throws SourceException {
        return execute(Wire.Request.get(uri, Map.of("Accept", accept)), json, uri.toString());
    }

    /**
     * Sends {@code request} (any method; the common headers added unless it sets them) through this
     * fetcher's throttle and retries: each attempt waits for the rate limit, then counts as one
     * request. With {@code json}, a 2xx body that does not parse is retried like a 503.
     *
     * @param what names the request in the message when the retries run out ("gave up on WHAT after
     *     3 attempts; last: HTTP 503"); the status of that exception is the last attempt's
     */
    Fetched execute(Wire.Request request, boolean json, String what) throws SourceException {
        Wire.Request full = withCommonHeaders(request);
        URI uri = request.uri();
        Execution<Outcome> execution = Execution.of(policy);
        while (true) {
            Outcome outcome = attempt(full, json);
            execution.recordResult(outcome);
            if (outcome instanceof Fetched fetched) {
                return fetched;
            }
            Failure failure = (Failure) outcome;
            if (execution.isComplete()) {
                throw new SourceException(
                        "gave up on " + what + " after " + execution.getAttemptCount() + " attempts; last: "
                                + failure.problem,
                        failure.status,
                        uri,
                        failure.cause);
            }
            pause(execution.getDelay(), uri);
        }
    }

    /** Closes the wire (a browser, for the browser transport). */
    @Override
    public void close() {
        wire.close();
    }

    private Wire.Request withCommonHeaders(Wire.Request request) {
        if (headers.isEmpty()) {
            return request;
        }
        Map<String, String> all = new LinkedHashMap<>(headers);
        request.headers().forEach((name, value) -> {
            all.keySet().removeIf(name::equalsIgnoreCase);
            all.put(name, value);
        });
        return new Wire.Request(request.method(), request.uri(), all, request.body());
    }

    /** One request: wait for the throttle, send, judge; I/O trouble becomes a {@link Failure}. */
    private Outcome attempt(Wire.Request request, boolean json) throws SourceException {
        URI uri = request.uri();
        try {
            throttle.acquire();
            requests.incrementAndGet();
            return judge(wire.exchange(request), uri, json);
        } catch (IOException e) {
            return new Failure(0, describe(e), e, null);
        } catch (InterruptedException e) {
            throw interrupted(uri, e);
        }
    }

    /** What went wrong on the wire, in words: "connection refused", "timed out", or the exception's message. */
    static String describe(IOException e) {
        if (e instanceof java.net.ConnectException) {
            return "connection refused (is the server running?)";
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "timed out";
        }
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2");
        return kind.toLowerCase(java.util.Locale.ROOT) + (message == null ? "" : " (" + message + ")");
    }

    /** A {@link Fetched} to return, or a {@link Failure} worth retrying. */
    private static Outcome judge(Wire.Reply reply, URI uri, boolean json) throws BlockedException {
        int status = reply.status();
        String body = reply.body();
        if (status == 403 && body.contains("captcha-delivery")) {
            throw new BlockedException(status, uri);
        }
        if (RetryPolicy.isRetryableStatus(status)) {
            return new Failure(status, "HTTP " + status, null, reply.retryAfter());
        }
        if (!json || status / 100 != 2) {
            return new Fetched(status, body, null, uri, reply.location());
        }
        try {
            JsonNode tree = MAPPER.readTree(body);
            if (tree == null || tree.isMissingNode()) {
                return new Failure(status, "empty body where JSON was expected", null, null);
            }
            return new Fetched(status, body, tree, uri, reply.location());
        } catch (JsonProcessingException e) {
            return new Failure(status, "unparseable JSON (" + e.getOriginalMessage() + ")", e, null);
        }
    }

    private static @Nullable String retryAfter(Outcome outcome) {
        return outcome instanceof Failure failure ? failure.retryAfter : null;
    }

    private void pause(Duration wait, URI uri) throws SourceException {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            throw interrupted(uri, e);
        }
    }

    private static SourceException interrupted(URI uri, InterruptedException e) {
        Thread.currentThread().interrupt();
        return new SourceException("interrupted while requesting " + uri, 0, uri, e);
    }

    /** The result of one attempt. */
    private sealed interface Outcome permits Fetched, Failure {}

    /** A failed attempt worth retrying. */
    private record Failure(
            int status,
            String problem,
            @Nullable Throwable cause,
            @Nullable String retryAfter) implements Outcome {}
}
