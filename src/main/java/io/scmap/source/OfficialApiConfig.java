package io.scmap.source;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of the official API client ({@link SoundCloud#officialApi(OfficialApiConfig)}), which
 * signs in with OAuth 2.1 client credentials.
 *
 * <p>Start from {@link #of(String, String)} or {@link #fromEnvironment(Map)} and change single fields
 * with the {@code withX} copiers. The client secret never appears in messages, {@link #toString()} or
 * {@link #toMap()}.
 *
 * @param apiBase base of the JSON API (default {@code https://api.soundcloud.com}); every request,
 *     including {@code next_href} cursors and resolve redirects, goes to it
 * @param tokenUri the OAuth token endpoint (default {@code https://secure.soundcloud.com/oauth/token})
 * @param clientId the registered app's client id; non-blank, no surrounding spaces
 * @param clientSecret the registered app's client secret; non-blank; redacted everywhere
 * @param timeout connect and per-request timeout (default 30 s); must be positive
 * @param maxRetries retries of one request after a transient failure (429, 5xx, I/O error, broken
 *     JSON); default 6, 0 disables retrying
 * @param initialBackoff wait before the first retry, doubling per retry (default 1 s); may be zero
 * @param maxBackoff cap on one wait, and on an honoured {@code Retry-After} (default 60 s)
 * @param maxPages cap on the pages fetched for one list (default 100)
 * @param seed seeds the jitter of the backoff; the same seed gives the same waits (default 0)
 * @param rate requests per second, the most the client sends in total, token requests, API calls
 *     and retries together, however many threads share it (default 1.0, as for the web API); {@code
 *     0} or {@link WebApiConfig#UNLIMITED_RATE} turns the limit off
 */
public record OfficialApiConfig(
        URI apiBase,
        URI tokenUri,
        String clientId,
        String clientSecret,
        Duration timeout,
        int maxRetries,
        Duration initialBackoff,
        Duration maxBackoff,
        int maxPages,
        long seed,
        double rate) {

    /** The environment variable holding the client id. */
    public static final String CLIENT_ID_VARIABLE = "SCMAP_CLIENT_ID";

    /** The environment variable holding the client secret. */
    public static final String CLIENT_SECRET_VARIABLE = "SCMAP_CLIENT_SECRET";

    /** What {@link #toString()} and {@link #toMap()} show instead of the secret. */
    public static final String REDACTED = "<redacted>";

    public OfficialApiConfig {
        WebApiConfig.requireHttpBase("apiBase", apiBase);
        WebApiConfig.requireHttpBase("tokenUri", tokenUri);
        if (clientId == null || clientId.isBlank() || !clientId.equals(clientId.strip())) {
            throw new IllegalArgumentException(
                    "clientId must be a non-blank token without surrounding spaces, got '" + clientId + "'");
        }
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException("clientSecret must not be blank (value not shown)");
        }
        RetryPolicy.checkSettings(timeout, maxRetries, initialBackoff, maxBackoff, maxPages);
        RequestThrottle.checkRate(rate);
    }

    /** The default settings for the real SoundCloud, with the given app credentials. */
    public static OfficialApiConfig of(String clientId, String clientSecret) {
        return new OfficialApiConfig(
                URI.create("https://api.soundcloud.com"),
                URI.create("https://secure.soundcloud.com/oauth/token"),
                clientId,
                clientSecret,
                Duration.ofSeconds(30),
                6,
                Duration.ofSeconds(1),
                Duration.ofSeconds(60),
                100,
                0L,
                1.0);
    }

    /**
     * The default settings with credentials from {@value #CLIENT_ID_VARIABLE} and {@value
     * #CLIENT_SECRET_VARIABLE} (pass {@code System.getenv()}).
     *
     * @throws IllegalArgumentException naming the variable that is missing or blank
     */
    public static OfficialApiConfig fromEnvironment(Map<String, String> env) {
        Objects.requireNonNull(env, "env");
        String id = env.get(CLIENT_ID_VARIABLE);
        String secret = env.get(CLIENT_SECRET_VARIABLE);
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(CLIENT_ID_VARIABLE + " must be set to the app's client id");
        }
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException(CLIENT_SECRET_VARIABLE + " must be set to the app's client secret");
        }
        return of(id.strip(), secret.strip());
    }

    public OfficialApiConfig withApiBase(URI value) {
        return new OfficialApiConfig(
                value,
                tokenUri,
                clientId,
                clientSecret,
                timeout,
                maxRetries,
                initialBackoff,
                maxBackoff,
                maxPages,
                seed,
                rate);
    }

    public OfficialApiConfig withTokenUri(URI value) {
        return new OfficialApiConfig(
                apiBase,
                value,
                clientId,
                clientSecret,
                timeout,
                maxRetries,
                initialBackoff,
                maxBackoff,
                maxPages,
                seed,
                rate);
    }

    public OfficialApiConfig withClientId(String value) {
        return new OfficialApiConfig(
                apiBase,
                tokenUri,
                value,
                clientSecret,
                timeout,
                maxRetries,
                initialBackoff,
                maxBackoff,
                maxPages,
                seed,
                rate);
    }

    public OfficialApiConfig withClientSecret(String value) {
        return new OfficialApiConfig(
                apiBase,
                tokenUri,
                clientId,
                value,
                timeout,
                maxRetries,
                initialBackoff,
                maxBackoff,
                maxPages,
                seed,
                rate);
    }

    public OfficialApiConfig withTimeout(Duration value) {
        return new OfficialApiConfig(
                apiBase,
                tokenUri,
                clientId,
                clientSecret,
                value,
                maxRetries,
                initialBackoff,
                maxBackoff,
                maxPages,
                seed,
                rate);
    }

    public OfficialApiConfig withMaxRetries(int value) {
        return new OfficialApiConfig(
                apiBase,
                tokenUri,
                clientId,
                clientSecret,
                timeout,
                value,
                initialBackoff,
                maxBackoff,
                maxPages,
                seed,
                rate);
    }

    public OfficialApiConfig withInitialBackoff(Duration value) {
        return new OfficialApiConfig(
                apiBase,
                tokenUri,
                clientId,
                clientSecret,
                timeout,
                maxRetries,
                value,
                maxBackoff,
                maxPages,
                seed,
                rate);
    }

    public OfficialApiConfig withMaxBackoff(Duration value) {
        return new OfficialApiConfig(
                apiBase,
                tokenUri,
                clientId,
                clientSecret,
                timeout,
                maxRetries,
                initialBackoff,
                value,
                maxPages,
                seed,
                rate);
    }

    public OfficialApiConfig withMaxPages(int value) {
        return new OfficialApiConfig(
                apiBase,
                tokenUri,
                clientId,
                clientSecret,
                timeout,
                maxRetries,
                initialBackoff,
                maxBackoff,
                value,
                seed,
                rate);
    }

    public OfficialApiConfig withSeed(long value) {
        return new OfficialApiConfig(
                apiBase,
                tokenUri,
                clientId,
                clientSecret,
                timeout,
                maxRetries,
                initialBackoff,
                maxBackoff,
                maxPages,
                value,
                rate);
    }

    /** A copy sending at most {@code value} requests per second; {@code 0} or infinity: no limit. */
    public OfficialApiConfig withRate(double value) {
        return new OfficialApiConfig(
                apiBase,
                tokenUri,
                clientId,
                clientSecret,
                timeout,
                maxRetries,
                initialBackoff,
                maxBackoff,
                maxPages,
                seed,
                value);
    }

    /** The settings for a manifest, in declaration order; durations as ISO-8601, the secret redacted, an unlimited rate as {@code "unlimited"}. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("apiBase", apiBase.toString());
        map.put("tokenUri", tokenUri.toString());
        map.put("clientId", clientId);
        map.put("clientSecret", REDACTED);
        map.putAll(RetryPolicy.settingsMap(retrySettings().withRate(rate)));
        return map;
    }

    /** Like the record's own form, with the secret redacted. */
    @Override
    public String toString() {
        return "OfficialApiConfig" + toMap();
    }

    /** The same settings for the shared retry machinery, which only reads timeout, retries and backoff. */
    WebApiConfig retrySettings() {
        return WebApiConfig.DEFAULTS
                .withApiBase(apiBase)
                .withWebBase(apiBase)
                .withTimeout(timeout)
                .withMaxRetries(maxRetries)
                .withInitialBackoff(initialBackoff)
                .withMaxBackoff(maxBackoff)
                .withMaxPages(maxPages)
                .withSeed(seed)
                .withRate(WebApiConfig.UNLIMITED_RATE);
    }
}
