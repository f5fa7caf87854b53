package io.scmap.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Obtains, caches and renews the OAuth 2.1 access token of the official API (client credentials
 * grant).
 *
 * <p>Steps: (1) exchange: POST {@code grant_type=client_credentials} to the token endpoint with the
 * client id and secret as HTTP Basic credentials; (2) cache {@code access_token} with its expiry
 * ({@code expires_in} seconds from now; no expiry when absent) and {@code refresh_token}; (3) renew
 * shortly before expiry (a minute, or half the lifetime when shorter) or when the API refuses the
 * token: with the refresh token when there is one ({@code grant_type=refresh_token}, same Basic
 * credentials), else, or when the refresh is refused, by a new exchange. SoundCloud allows about 30
 * exchanges per hour per IP, which is why the token is reused for its whole lifetime.
 *
 * <p>Thread-safe: renewals are serialised, and a refusal of a token another thread has already
 * replaced does not renew again. Time comes from the {@link Clock} passed in. The secret appears in
 * no message.
 */
final class TokenKeeper {
    /** The limit SoundCloud documents for the client-credentials exchange (fixtures, SOURCES.md E). */
    static final String RATE_LIMIT_HINT = "SoundCloud limits token requests (30 per hour per IP)";

    private static final Duration MARGIN = Duration.ofSeconds(60);

    private final OfficialApiConfig config;
    private final HttpFetcher http;
    private final Clock clock;
    private final String basic;
    private @Nullable String accessToken;
    private @Nullable String refreshToken;
    private Instant renewAt = Instant.MAX;
    private long exchanges;

    TokenKeeper(OfficialApiConfig config, HttpFetcher http, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        String pair = config.clientId() + ":" + config.clientSecret();
        this.basic = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** The cached token, renewed first when missing or about to expire. */
    synchronized String current() throws SourceException {
        String token = accessToken;
        if (token != null && clock.instant().isBefore(renewAt)) {
            return token;
        }
        return renew();
    }

    /** A fresh token after the API refused {@code rejected}; reuses one another thread already got. */
    synchronized String replace(String rejected) throws SourceException {
        String token = accessToken;
        if (token != null && !token.equals(rejected)) {
            return token;
        }
        return renew();
    }

    /** Token requests sent so far (exchanges and refreshes), for tests and status. */
    synchronized long tokenRequests() {
        return exchanges;
    }

    private String renew() throws SourceException {
        String refresh = refreshToken;
        accessToken = null;
        refreshToken = null;
        if (refresh != null) {
            HttpFetcher.Fetched answer = post("grant_type=refresh_token&refresh_token=" + ApiUris.encode(refresh));
            if (answer.isSuccess()) {
                return store(answer);
            }
            if (answer.status() != 400 && answer.status() != 401) {
                throw refused(answer);
            }
        }
        HttpFetcher.Fetched answer = post("grant_type=client_credentials");
        if (!answer.isSuccess()) {
            throw refused(answer);
        }
        return store(answer);
    }

    private HttpFetcher.Fetched post(String form) throws SourceException {
        URI uri = config.tokenUri();
        Wire.Request request = new Wire.Request(
                "POST", uri, Map.of("Authorization", basic, "Content-Type", "application/x-www-form-urlencoded"), form);
        exchanges++;
        try {
            return http.execute(request, true, "token request to " + uri);
        } catch (BlockedException e) {
            throw e;
        } catch (SourceException e) {
            if (e.status() == 429) {
                throw new SourceException(
                        RATE_LIMIT_HINT + "; " + e.getMessage()
                                + ". Wait before crawling again; the client reuses its token",
                        429,
                        uri,
                        e);
            }
            throw e;
        }
    }

    private String store(HttpFetcher.Fetched answer) throws SourceException {
        JsonNode json = Objects.requireNonNull(answer.json());
        String token = ResponseParser.text(json.get("access_token"));
        if (token == null) {
            throw new SourceException(
                    "token response without access_token from " + answer.uri(), answer.status(), answer.uri(), null);
        }
        JsonNode expires = json.get("expires_in");
        Instant now = clock.instant();
        if (expires != null && expires.isNumber() && expires.asLong() > 0) {
            Duration lifetime = Duration.ofSeconds(expires.asLong());
            Duration margin = lifetime.dividedBy(2).compareTo(MARGIN) < 0 ? lifetime.dividedBy(2) : MARGIN;
            renewAt = now.plus(lifetime).minus(margin);
        } else {
            renewAt = Instant.MAX;
        }
        accessToken = token;
        refreshToken = ResponseParser.text(json.get("refresh_token"));
        return token;
    }

    /** A refused exchange, worded with the status and the server's error code but never the secret. */
    private SourceException refused(HttpFetcher.Fetched answer) {
        String code = errorCode(answer.body());
        String detail = "HTTP " + answer.status() + (code == null ? "" : " " + code);
        String hint = answer.status() == 400 || answer.status() == 401 || answer.status() == 403
                ? "; check " + OfficialApiConfig.CLIENT_ID_VARIABLE + " (" + config.clientId() + ") and "
                        + OfficialApiConfig.CLIENT_SECRET_VARIABLE
                : "";
        return new SourceException(
                "SoundCloud refused the token request (" + detail + ") at " + answer.uri() + hint,
                answer.status(),
                answer.uri(),
                null);
    }

    /** A short error code ({@code invalid_client}) from an error body; null when none. */
    private static @Nullable String errorCode(String body) {
        try {
            JsonNode json = HttpFetcher.mapper().readTree(body);
            for (String field : new String[] {"error", "message", "error_code"}) {
                String value = json == null ? null : ResponseParser.text(json.get(field));
                if (value != null && value.matches("[A-Za-z_ ]{1,40}")) {
                    return value;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // an unreadable error body leaves just the status
        }
        return null;
    }
}
