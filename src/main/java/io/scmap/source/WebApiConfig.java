package io.scmap.source;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Settings of the web api-v2 client ({@link SoundCloud#webApi(WebApiConfig)}).
 *
 * <p>Start from {@link #DEFAULTS} and change single fields with the {@code withX} copiers. Both bases
 * are configurable, which is how tests and the simulator point the client at a loopback server.
 *
 * @param apiBase base of the JSON API (default {@code https://api-v2.soundcloud.com}); may carry a
 *     path prefix; every request, including {@code next_href} cursors, goes to it
 * @param webBase the website whose home page reveals the client_id (default {@code
 *     https://soundcloud.com}); also sent as {@code Origin} and {@code Referer}
 * @param clientId the api-v2 client_id to use; {@code null} (default) discovers it from the home page.
 *     A configured id is still re-discovered once when the API rejects it
 * @param timeout connect and per-request timeout (default 30 s); must be positive
 * @param maxRetries retries of one request after a transient failure (429, 5xx, I/O error, broken
 *     JSON); default 6, 0 disables retrying
 * @param initialBackoff wait before the first retry, doubling per retry (default 1 s); may be zero
 * @param maxBackoff cap on one wait, and on an honoured {@code Retry-After} (default 60 s)
 * @param maxPages cap on the pages fetched for one list (default 100), a guard against endless
 *     cursors
 * @param seed seeds the jitter of the backoff; the same seed gives the same waits (default 0)
 * @param rate requests per second, the most the client sends in total, whatever its purpose (lists,
 *     profiles, client_id discovery, retries) and however many threads share it (default 1.0, a cautious pace
 *     for SoundCloud); {@code 0} or {@link #UNLIMITED_RATE} turns the limit off. The first
 *     request after a pause goes out at once, the rest about {@code 1/rate} apart (a burst of at
 *     most two)
 * @param transport who sends the requests (default {@link Transport#HTTP}); {@link Transport#BROWSER}
 *     runs them in a headless Chromium page on {@code webBase}
 * @param browser the Chromium (or Chrome) executable for {@link Transport#BROWSER}; {@code null}
 *     (default) looks for {@code chromium}, {@code chromium-browser} and {@code google-chrome} on the
 *     {@code PATH}. Ignored by {@link Transport#HTTP}
 * @param chromedriver the ChromeDriver executable for {@link Transport#BROWSER}, matching the
 *     browser's version; {@code null} (default) looks for {@code chromedriver} on the {@code PATH}.
 *     Nothing is ever downloaded. Ignored by {@link Transport#HTTP}
 */
public record WebApiConfig(
        URI apiBase,
        URI webBase,
        @Nullable String clientId,
        Duration timeout,
        int maxRetries,
        Duration initialBackoff,
        Duration maxBackoff,
        int maxPages,
        long seed,
        double rate,
        Transport transport,
        @Nullable Path browser,
        @Nullable Path chromedriver) {

    /** A {@link #rate()} that sends requests as fast as they come; so does {@code 0}. */
    public static final double UNLIMITED_RATE = Double.POSITIVE_INFINITY;

    /** The settings that talk to the real SoundCloud the way its own web page does. */
    public static final WebApiConfig DEFAULTS = new WebApiConfig(
            URI.create("https://api-v2.soundcloud.com"),
            URI.create("https://soundcloud.com"),
            null,
            Duration.ofSeconds(30),
            6,
            Duration.ofSeconds(1),
            Duration.ofSeconds(60),
            100,
            0L,
            1.0,
            Transport.HTTP,
            null,
            null);

    public WebApiConfig {
        requireHttpBase("apiBase", apiBase);
        requireHttpBase("webBase", webBase);
        if (clientId != null && (clientId.isBlank() || !clientId.equals(clientId.strip()))) {
            throw new IllegalArgumentException(
                    "clientId must be null or a non-blank token without surrounding spaces, got '" + clientId + "'");
        }
        RetryPolicy.checkSettings(timeout, maxRetries, initialBackoff, maxBackoff, maxPages);
        RequestThrottle.checkRate(rate);
        if (transport == null) {
            throw new IllegalArgumentException("transport must not be null");
        }
        requireExecutableName("browser", browser);
        requireExecutableName("chromedriver", chromedriver);
    }

    private static void requireExecutableName(String name, @Nullable Path path) {
        if (path != null && (path.getFileName() == null || path.toString().isBlank())) {
            throw new IllegalArgumentException(name + " must be null or a path to an executable, got '" + path + "'");
        }
    }

    /** Whether {@link #rate()} limits anything: false for {@code 0} and {@link #UNLIMITED_RATE}. */
    public boolean isRateLimited() {
        return RequestThrottle.isLimiting(rate);
    }

    /** Checks that {@code uri} is an absolute http(s) URI without query or fragment; the message names it. */
    static void requireHttpBase(String name, @Nullable URI uri) {
        if (uri == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https"))
                || uri.getHost() == null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    name + " must be an absolute http(s) URI without query or fragment, got " + uri);
        }
    }

    public WebApiConfig withApiBase(URI value) {
        return new WebApiConfig(
                value,
                webBase,
                clientId,
                timeout,
                maxRetries,
                initialBackoff,
                maxBackoff,
                maxPages,
                seed,
                rate,
                transport,
                browser,
                chromedriver);
    }

    public WebApiConfig withWebBase(URI value) {
        return new WebApiConfig(
                apiBase,
                value,
                clientId,
                timeout,
                maxRetries,
                initialBackoff,
                maxBackoff,
                maxPages,
                seed,
                rate,
                transport,
                browser,
                chromedriver);
    }

    public WebApiConfig withClientId(@Nullable String value) {
        return new WebApiConfig(
                apiBase,
                webBase,
                value,
                timeout,
                maxRetries,
                initialBackoff,
                maxBackoff,
                maxPages,
                seed,
                rate,
                transport,
                browser,
                chromedriver);
    }

    public WebApiConfig withTimeout(Duration value) {
        return new WebApiConfig(
                apiBase,
                webBase,
                clientId,
                value,
                maxRetries,
                initialBackoff,
                maxBackoff,
                maxPages,
                seed,
                rate,
                transport,
                browser,
                chromedriver);
    }

    public WebApiConfig withMaxRetries(int value) {
        return new WebApiConfig(
                apiBase,
                webBase,
                clientId,
                timeout,
                value,
                initialBackoff,
                maxBackoff,
                maxPages,
                seed,
                rate,
                transport,
                browser,
                chromedriver);
    }

    public WebApiConfig withInitialBackoff(Duration value) {
        return new WebApiConfig(
                apiBase,
                webBase,
                clientId,
                timeout,
                maxRetries,
                value,
                maxBackoff,
                maxPages,
                seed,
                rate,
                transport,
                browser,
                chromedriver);
    }

    public WebApiConfig withMaxBackoff(Duration value) {
        return new WebApiConfig(
                apiBase,
                webBase,
                clientId,
                timeout,
                maxRetries,
                initialBackoff,
                value,
                maxPages,
                seed,
                rate,
                transport,
                browser,
                chromedriver);
    }

    public WebApiConfig withMaxPages(int value) {
        return new WebApiConfig(
                apiBase,
                webBase,
                clientId,
                timeout,
                maxRetries,
                initialBackoff,
                maxBackoff,
                value,
                seed,
                rate,
                transport,
                browser,
                chromedriver);
    }

    public WebApiConfig withSeed(long value) {
        return new WebApiConfig(
                apiBase,
                webBase,
                clientId,
                timeout,
                maxRetries,
                initialBackoff,
                maxBackoff,
                maxPages,
                value,
                rate,
                transport,
                browser,
                chromedriver);
    }

    /** A copy sending at most {@code value} requests per second; {@code 0} or {@link #UNLIMITED_RATE}: no limit. */
    public WebApiConfig withRate(double value) {
        return new WebApiConfig(
                apiBase,
                webBase,
                clientId,
                timeout,
                maxRetries,
                initialBackoff,
                maxBackoff,
                maxPages,
                seed,
                value,
                transport,
                browser,
                chromedriver);
    }

    /** A copy whose requests go through {@code value}. */
    public WebApiConfig withTransport(Transport value) {
        return new WebApiConfig(
                apiBase,
                webBase,
                clientId,
                timeout,
                maxRetries,
                initialBackoff,
                maxBackoff,
                maxPages,
                seed,
                rate,
                value,
                browser,
                chromedriver);
    }

    /** A copy using this Chromium executable for {@link Transport#BROWSER}; {@code null}: look on the PATH. */
    public WebApiConfig withBrowser(@Nullable Path value) {
        return new WebApiConfig(
                apiBase,
                webBase,
                clientId,
                timeout,
                maxRetries,
                initialBackoff,
                maxBackoff,
                maxPages,
                seed,
                rate,
                transport,
                value,
                chromedriver);
    }

    /** A copy using this ChromeDriver executable for {@link Transport#BROWSER}; {@code null}: look on the PATH. */
    public WebApiConfig withChromedriver(@Nullable Path value) {
        return new WebApiConfig(
                apiBase,
                webBase,
                clientId,
                timeout,
                maxRetries,
                initialBackoff,
                maxBackoff,
                maxPages,
                seed,
                rate,
                transport,
                browser,
                value);
    }

    /**
     * The settings for a manifest, in declaration order; durations as ISO-8601 ({@code PT30S}), a
     * missing client id as {@code "discover"}, an unlimited rate as {@code "unlimited"}, the transport
     * in lower case, and for the browser transport its executables ({@code "PATH"} when looked up).
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("apiBase", apiBase.toString());
        map.put("webBase", webBase.toString());
        map.put("clientId", clientId == null ? "discover" : clientId);
        map.putAll(RetryPolicy.settingsMap(this));
        map.put("transport", transport.name().toLowerCase(Locale.ROOT));
        if (transport == Transport.BROWSER) {
            map.put("browser", browser == null ? "PATH" : browser.toString());
            map.put("chromedriver", chromedriver == null ? "PATH" : chromedriver.toString());
        }
        return map;
    }
}
