package io.scmap.source;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@link Wire} of Java's own HTTP client (HTTP/1.1), sending the request's headers as given.
 * Follows redirects or not, as built: the web client follows them, the official client reads {@code
 * Location} itself to decide where its {@code Authorization} header may go. Thread-safe.
 */
final class HttpWire implements Wire {
    private final HttpClient http;
    private final Duration timeout;

    HttpWire(Duration timeout, boolean followRedirects) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(followRedirects ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build();
        this.timeout = timeout;
    }

    @Override
    public Reply exchange(Request request) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(timeout);
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            builder.header(header.getKey(), header.getValue());
        }
        String body = request.body();
        builder.method(
                request.method(),
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = send(builder.build());
        return new Reply(
                response.statusCode(),
                response.body(),
                response.headers().firstValue("Retry-After").orElse(null),
                response.headers().firstValue("Location").orElse(null));
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

    /** Nothing to release: the JDK 17 client has no close. */
    @Override
    public void close() {}
}
