package io.scmap.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
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
 * Sends requests to the official API and its token endpoint, retrying transient failures (429, 5xx,
 * I/O errors, 2xx bodies that are not JSON) as {@link RetryPolicy} says, honouring {@code
 * Retry-After}. Redirects are not followed: the caller reads {@code Location} and decides where the
 * {@code Authorization} header may go. Counts every request it sends. Thread-safe.
 */
final class OfficialHttp {
    static final String USER_AGENT = "scmap (+https://github.com/scmap; official API client)";

    /** A final response: its status, body, {@code Location} header, and for a 2xx its JSON tree. */
    record Answer(
            int status,
            String body,
            @Nullable String location,
            @Nullable JsonNode json,
            URI uri) {
        boolean isSuccess() {
            return status / 100 == 2;
        }

        boolean isRedirect() {
            return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
        }
    }

    /** Why the last attempt failed, for the caller's message after the retries ran out. */
    static final class GaveUp extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final int attempts;
        final String problem;

        GaveUp(int status, int attempts, String problem, @Nullable Throwable cause) {
            super(problem, cause);
            this.status = status;
            this.attempts = attempts;
            this.problem = problem;
        }
    }

    private final HttpClient http;
    private final RetryPolicy retry;
    private final RetryPolicy.Sleeper sleeper;
    private final Duration timeout;
    private final AtomicLong requests = new AtomicLong();

    OfficialHttp(Duration timeout, RetryPolicy retry, RetryPolicy.Sleeper sleeper) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build();
        this.retry = retry;
        this.sleeper = sleeper;
        this.timeout = timeout;
    }

    long requestCount() {
        return requests.get();
    }

    /** A request builder with the timeout and the common headers set. */
    HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("User-Agent", USER_AGENT)
                .header("Accept", "application/json; charset=utf-8");
    }

    /**
     * Sends {@code request}, retrying transient failures.
     *
     * @throws GaveUp when the retries ran out; the caller words the message
     * @throws SourceException when interrupted (status 0, interrupt flag kept)
     */
    Answer send(HttpRequest request) throws GaveUp, SourceException {
        URI uri = request.uri();
        for (int attempt = 0; ; attempt++) {
            if (Thread.currentThread().isInterrupted()) {
                throw interrupted(uri, new InterruptedException("interrupt pending"));
            }
            GaveUp failure;
            @Nullable String retryAfter = null;
            try {
                requests.incrementAndGet();
                HttpResponse<String> response = exchange(request);
                int status = response.statusCode();
                if (RetryPolicy.isRetryableStatus(status)) {
                    retryAfter = response.headers().firstValue("Retry-After").orElse(null);
                    failure = new GaveUp(status, attempt + 1, "HTTP " + status, null);
                } else {
                    Answer answer = answer(response, uri);
                    if (answer != null) {
                        return answer;
                    }
                    failure = new GaveUp(status, attempt + 1, "unparseable JSON", null);
                }
            } catch (IOException e) {
                failure = new GaveUp(0, attempt + 1, HttpFetcher.describe(e), e);
            } catch (InterruptedException e) {
                throw interrupted(uri, e);
            }
            if (attempt >= retry.maxRetries()) {
                throw failure;
            }
            try {
                sleeper.sleep(retry.delay(attempt, retryAfter));
            } catch (InterruptedException e) {
                throw interrupted(uri, e);
            }
        }
    }

    /** The response as an answer; null when a 2xx body is not JSON (worth retrying). */
    private static @Nullable Answer answer(HttpResponse<String> response, URI uri) {
        int status = response.statusCode();
        String body = response.body();
        String location = response.headers().firstValue("Location").orElse(null);
        if (status / 100 != 2) {
            return new Answer(status, body, location, null, uri);
        }
        try {
            JsonNode tree = HttpFetcher.mapper().readTree(body);
            return tree == null || tree.isMissingNode() ? null : new Answer(status, body, location, tree, uri);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Sends and reads the whole response within the timeout (the JDK 17 timeout stops at the headers). */
    private HttpResponse<String> exchange(HttpRequest request) throws IOException, InterruptedException {
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

    private static SourceException interrupted(URI uri, InterruptedException e) {
        Thread.currentThread().interrupt();
        return new SourceException("interrupted while requesting " + uri, 0, uri, e);
    }
}
