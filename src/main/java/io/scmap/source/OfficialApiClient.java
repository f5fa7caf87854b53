package io.scmap.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The {@link SoundCloudClient} over the official API (api.soundcloud.com), signed in with OAuth 2.1
 * client credentials ({@link TokenKeeper}).
 *
 * <p>Every request carries {@code Authorization: OAuth <access token>}, the scheme SoundCloud's API
 * guide and its 2021 security notice document (the token endpoint calls the token type "bearer";
 * the API accepts the documented {@code OAuth} form). When the API answers 401 the token is renewed
 * once and the call repeated once. Users are addressed by URN ({@code /users/soundcloud:users:<id>}).
 *
 * <p>What the official API offers, and so {@link #supportedTypes()}: likes ({@code
 * /users/{urn}/likes/tracks}, then {@code /likes/playlists}) and followings. Comments are not listed
 * per user at all; reposts are listed only for the signed-in user ({@code /me/activities}), which a
 * client-credentials app does not have, and the recorded fixtures and documentation examples show
 * no per-user repost list. Asking for either throws {@link IllegalArgumentException}.
 *
 * <p>Lists follow {@code next_href} cursors (on the configured base, without any {@code client_id}),
 * and also accept the older bare-array answers. A 404 gives an empty result. Likes carry no time
 * ({@code at} null) because the official like lists hold the liked objects themselves.
 *
 * <p>Thread-safe; an interrupt ends the current call with a {@link SourceException} of status 0 and
 * leaves the thread's interrupt flag set.
 */
final class OfficialApiClient implements SoundCloudClient {
    static final String USER_AGENT = "scmap (+https://github.com/scmap; official API client)";

    /** The largest {@code limit} the official API honours. */
    static final int PAGE_LIMIT = 200;

    private static final Set<InteractionType> SUPPORTED = EnumSet.of(InteractionType.LIKE, InteractionType.FOLLOW);

    private final OfficialApiConfig config;
    private final HttpFetcher http;
    private final TokenKeeper tokens;
    private final Paginator paginator;
    private final AtomicLong skipped = new AtomicLong();
    private volatile boolean closed;

    /**
     * A client sending through {@code http}, whose throttle then paces token and API requests alike;
     * build it with {@link #fetcher}.
     */
    OfficialApiClient(OfficialApiConfig config, HttpFetcher http, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.http = Objects.requireNonNull(http, "http");
        this.tokens = new TokenKeeper(config, http, clock);
        this.paginator = new Paginator(
                config.apiBase(), config.maxPages(), uri -> get(uri).jsonUnless404(), Paginator.Dialect.OFFICIAL);
    }

    /**
     * The fetcher of an official client: Java's HTTP client without following redirects, the
     * client's {@code User-Agent} and {@code Accept} headers, and one throttle of {@link
     * OfficialApiConfig#rate()} for token and API requests together.
     */
    static HttpFetcher fetcher(OfficialApiConfig config, RetryPolicy retry, RetryPolicy.Sleeper sleeper) {
        return new HttpFetcher(
                new HttpWire(config.timeout(), false),
                retry,
                sleeper,
                RequestThrottle.of(config.rate()),
                Map.of("User-Agent", USER_AGENT, "Accept", "application/json; charset=utf-8"));
    }

    /**
     * Resolves {@code https://soundcloud.com/<permalink>} (a full soundcloud.com URL is accepted).
     * The API answers 302 with the object's API location, which is followed on the configured base;
     * a 200 with the object is accepted too. Empty on 404 and when the permalink names no user.
     */
    @Override
    public Optional<Account> resolve(String permalink) throws SourceException {
        URI uri = ApiUris.resolve(config.apiBase(), permalink);
        HttpFetcher.Fetched answer = get(uri);
        if (answer.isRedirect()) {
            URI target = redirectTarget(answer);
            answer = get(target);
        }
        return user(answer);
    }

    /** The user's profile; empty on 404 or when the object is not a user. */
    @Override
    public Optional<Account> profile(long userId) throws SourceException {
        return user(get(ApiUris.endpoint(config.apiBase(), userPath(userId), Map.of())));
    }

    @Override
    public List<Track> tracks(long userId, int max) throws SourceException {
        return list(userPath(userId) + "/tracks", max, OfficialParser::track);
    }

    /**
     * Likes (tracks first, then playlists, each newest first as served) or followings.
     *
     * @throws IllegalArgumentException for a type outside {@link #supportedTypes()}
     */
    @Override
    public List<Interaction> interactions(long userId, InteractionType type, int max) throws SourceException {
        Objects.requireNonNull(type, "type");
        String user = userPath(userId);
        switch (type) {
            case LIKE -> {
                List<Interaction> likes = new ArrayList<>(list(user + "/likes/tracks", max, OfficialParser::like));
                if (likes.size() < max) {
                    likes.addAll(list(user + "/likes/playlists", max - likes.size(), OfficialParser::like));
                }
                return List.copyOf(likes);
            }
            case FOLLOW -> {
                return list(user + "/followings", max, OfficialParser::follow);
            }
            default ->
                throw new IllegalArgumentException(
                        "type " + type + " is not available from the official API; supported: " + SUPPORTED);
        }
    }

    /** Likes and followings; the official API lists neither comments nor reposts per user. */
    @Override
    public Set<InteractionType> supportedTypes() {
        return EnumSet.copyOf(SUPPORTED);
    }

    @Override
    public long requestCount() {
        return http.requestCount();
    }

    /** Items skipped so far because they could not be read. */
    long skippedItems() {
        return skipped.get();
    }

    /** Token requests so far (exchanges and refreshes). */
    long tokenRequests() {
        return tokens.tokenRequests();
    }

    /** Releases the fetcher; later calls fail. */
    @Override
    public void close() {
        closed = true;
        http.close();
    }

    private Optional<Account> user(HttpFetcher.Fetched answer) throws SourceException {
        return ResponseParser.user(answer.jsonUnless404(), OfficialParser::account, answer.uri(), answer.status());
    }

    /** The {@code Location} of a resolve redirect (header, else the body's {@code location}), on the base. */
    private URI redirectTarget(HttpFetcher.Fetched answer) throws SourceException {
        String location = answer.location();
        if (location == null) {
            try {
                JsonNode body = HttpFetcher.mapper().readTree(answer.body());
                location = body == null ? null : ResponseParser.text(body.get("location"));
            } catch (java.io.IOException e) {
                location = null;
            }
        }
        if (location == null) {
            throw new SourceException(
                    "redirect without location from " + answer.uri(), answer.status(), answer.uri(), null);
        }
        try {
            return ApiUris.withoutClientId(ApiUris.onApiBase(location, config.apiBase()));
        } catch (IllegalArgumentException e) {
            throw new SourceException(
                    "malformed redirect location '" + location + "' from " + answer.uri(),
                    answer.status(),
                    answer.uri(),
                    e);
        }
    }

    /** Collects up to {@code max} items of a list, page by page; what was collected when a page is gone (404). */
    private <T> List<T> list(String path, int max, Function<JsonNode, Optional<T>> parser) throws SourceException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("linked_partitioning", "true");
        params.put("limit", Integer.toString(Math.min(max, PAGE_LIMIT)));
        Paginator.Result<T> result = paginator.collect(ApiUris.endpoint(config.apiBase(), path, params), max, parser);
        skipped.addAndGet(result.skipped());
        return List.copyOf(result.items());
    }

    /** GETs {@code uri} with the token; on 401 renews the token and repeats once. */
    private HttpFetcher.Fetched get(URI uri) throws SourceException {
        if (closed) {
            throw new IllegalStateException("client is closed");
        }
        String token = tokens.current();
        HttpFetcher.Fetched answer = send(uri, token);
        if (answer.status() == 401) {
            answer = send(uri, tokens.replace(token));
            if (answer.status() == 401) {
                throw new SourceException(
                        "the official API refused a fresh token (HTTP 401) for " + uri
                                + "; the app may lack access: check the app at soundcloud.com/you/apps",
                        401,
                        uri,
                        null);
            }
        }
        return answer;
    }

    private HttpFetcher.Fetched send(URI uri, String token) throws SourceException {
        return http.execute(Wire.Request.get(uri, Map.of("Authorization", "OAuth " + token)), true, uri.toString());
    }

    private static String userPath(long userId) {
        return "users/soundcloud:users:" + ApiUris.requireUserId(userId);
    }
}
