package io.scmap.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.failsafe.Execution;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Sends GET requests with the headers of a desktop browser on the web base, at most as fast as its
 * {@link RequestThrottle} lets them go, retrying transient failures as {@link RetryPolicy} says
 * (Failsafe counts the attempts; this class does the waiting, through the {@link RetryPolicy.Sleeper}),
 * and counts every request it sends.
 *
 * <p>A 403 whose body names {@code captcha-delivery} becomes a {@link BlockedException} at once.
 * Other responses are returned as they are for the caller to judge (404, 401, ...). An interrupt
 * restores the thread's interrupt flag and ends the call with a {@link SourceException} of status 0.
 * Thread-safe.
 */
final class HttpFetcher {
    /** A current desktop Chrome, as soundcloud.com expects its own web client to be. */
    static final String USER_AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";

    static final String ACCEPT_JSON = "application/json, text/javascript, */*";
    static final String ACCEPT_HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    static final String ACCEPT_ANY = "*/*";

    /** What came back: the final status, the body and, for a JSON request with a 2xx status, its tree. */
    record Fetched(int status, String body, @Nullable JsonNode json, URI uri) implements Outcome {
        boolean isSuccess() {
            return status / 100 == 2;
        }
    }

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final HttpClient http;
    private final dev.failsafe.RetryPolicy<Outcome> policy;
    private final RetryPolicy.Sleeper sleeper;
    private final RequestThrottle throttle;
    private final Duration timeout;
    private final String origin;
    private final String referer;
    private final AtomicLong requests = new AtomicLong();

    /** A fetcher throttled to {@link WebApiConfig#rate()}. */
    HttpFetcher(WebApiConfig config, RetryPolicy retry, RetryPolicy.Sleeper sleeper) {
        this(config, retry, sleeper, RequestThrottle.of(config));
    }

    /** A fetcher whose every request, retries included, first passes {@code throttle}. */
    HttpFetcher(WebApiConfig config, RetryPolicy retry, RetryPolicy.Sleeper sleeper, RequestThrottle throttle) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(config.timeout())
                .build();
        this.policy = retry.toFailsafe(outcome -> outcome instanceof Failure, HttpFetcher::retryAfter);
        this.sleeper = sleeper;
        this.throttle = throttle;
        this.timeout = config.timeout();
        String web = config.webBase().toString();
        this.referer = web.endsWith("/") ? web : web + "/";
        this.origin = config.webBase().getScheme() + "://" + config.webBase().getRawAuthority();
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
        HttpRequest request = HttpRequest.newBuilder(uri)
                .GET()
                .timeout(timeout)
                .header("User-Agent", USER_AGENT)
                .header("Accept", accept)
                .header("Accept-Language", "en-US,en;q=0.9")
                .header("Origin", origin)
                .header("Referer", referer)
                .build();
        return execute(request, json);
    }

    /**
     * Sends {@code request} (any method, headers as given) through this client's throttle and
     * retries: each attempt waits for the rate limit, then counts as one request. With {@code json},
     * a 2xx body that does not parse is retried like a 503. The request should carry a timeout.
     */
    Fetched execute(HttpRequest request, boolean json) throws SourceException {
        URI uri = request.uri();
        Execution<Outcome> execution = Execution.of(policy);
        while (true) {
            Outcome outcome = attempt(request, json);
            execution.recordResult(outcome);
            if (outcome instanceof Fetched fetched) {
                return fetched;
            }
            Failure failure = (Failure) outcome;
            if (execution.isComplete()) {
                throw new SourceException(
                        "gave up on " + uri + " after " + execution.getAttemptCount() + " attempts; last: "
                                + failure.problem,
                        failure.status,
                        uri,
                        failure.cause);
            }
            pause(execution.getDelay(), uri);
        }
    }

    /** One request: wait for the throttle, send, judge; I/O trouble becomes a {@link Failure}. */
    private Outcome attempt(HttpRequest request, boolean json) throws SourceException {
        URI uri = request.uri();
        try {
            throttle.acquire();
            requests.incrementAndGet();
            return judge(send(request), uri, json);
        } catch (IOException e) {
            return new Failure(0, describe(e), e, null);
        } catch (InterruptedException e) {
            throw interrupted(uri, e);
        }
    }

    /**
     * Sends and reads the whole response within the timeout. The JDK 17 client's own request timeout
     * stops at the response headers, so a body that stalls would otherwise block forever.
     */
    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<String>> future = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new HttpTimeoutException("no complete response within " + timeout);
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException(String.valueOf(cause), cause);
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
    private static Outcome judge(HttpResponse<String> response, URI uri, boolean json) throws BlockedException {
        int status = response.statusCode();
        String body = response.body();
        if (status == 403 && body.contains("captcha-delivery")) {
            throw new BlockedException(status, uri);
        }
        if (RetryPolicy.isRetryableStatus(status)) {
            String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
            return new Failure(status, "HTTP " + status, null, retryAfter);
        }
        if (!json || status / 100 != 2) {
            return new Fetched(status, body, null, uri);
        }
        try {
            JsonNode tree = MAPPER.readTree(body);
            if (tree == null || tree.isMissingNode()) {
                return new Failure(status, "empty body where JSON was expected", null, null);
            }
            return new Fetched(status, body, tree, uri);
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
