package io.scmap.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The {@link SoundCloudClient} over api-v2, the JSON API behind soundcloud.com.
 *
 * <p>Every call adds the client_id (configured, else discovered once and cached). When the API
 * answers 401, or 403 without a captcha, the id may have rotated: the client re-discovers it once
 * and repeats the call once; a second refusal is a {@link SourceException}. A captcha 403 is a
 * {@link BlockedException}. Transient failures are retried inside {@link HttpFetcher}. Items whose
 * target cannot be determined (no owner object, e.g. a deleted track) are skipped and counted in
 * {@link #skippedItems()}.
 *
 * <p>Thread-safe: several threads may call it at once (the crawler fetches an account's lists in
 * parallel when asked to); the client_id is discovered once and shared. An interrupt ends the current call with a {@link SourceException} of status 0 and
 * leaves the thread's interrupt flag set.
 */
final class WebApiClient implements SoundCloudClient {
    /** The largest {@code limit} api-v2 honours. */
    static final int PAGE_LIMIT = 200;

    private static final System.Logger LOG = System.getLogger(WebApiClient.class.getName());

    private final WebApiConfig config;
    private final HttpFetcher fetcher;
    private final ClientIdFinder finder;
    private final Paginator paginator;
    private volatile @Nullable String clientId;
    private final AtomicLong skipped = new AtomicLong();
    private volatile boolean closed;

    WebApiClient(WebApiConfig config, HttpFetcher fetcher) {
        this.config = Objects.requireNonNull(config, "config");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.finder = new ClientIdFinder(fetcher, config.webBase());
        this.paginator = new Paginator(config.apiBase(), config.maxPages(), this::getJson, Paginator.Dialect.API_V2);
        this.clientId = config.clientId();
    }

    /**
     * Resolves {@code https://soundcloud.com/<permalink>}; a full soundcloud.com URL is accepted too.
     * Empty on 404, and also when the permalink names something other than a user (a track or
     * playlist resolves to that object): the crawler asks for accounts, and silently substituting
     * the object's owner would crawl someone else.
     */
    @Override
    public Optional<Account> resolve(String permalink) throws SourceException {
        return user(ApiUris.resolve(config.apiBase(), permalink));
    }

    /** The user's profile; empty on 404 or when the object is not a user. */
    @Override
    public Optional<Account> profile(long userId) throws SourceException {
        return user(ApiUris.endpoint(config.apiBase(), "users/" + requireId(userId), Map.of()));
    }

    @Override
    public List<Track> tracks(long userId, int max) throws SourceException {
        return list("users/" + requireId(userId) + "/tracks", max, ResponseParser::track);
    }

    @Override
    public List<Interaction> interactions(long userId, InteractionType type, int max) throws SourceException {
        Objects.requireNonNull(type, "type");
        String path = switch (type) {
            case LIKE -> "users/" + requireId(userId) + "/likes";
            case COMMENT -> "users/" + requireId(userId) + "/comments";
            case REPOST -> "stream/users/" + requireId(userId) + "/reposts";
            case FOLLOW -> "users/" + requireId(userId) + "/followings";
        };
        return list(path, max, item -> ResponseParser.interaction(type, item));
    }

    @Override
    public long requestCount() {
        return fetcher.requestCount();
    }

    /** Items skipped so far because their target could not be determined. */
    long skippedItems() {
        return skipped.get();
    }

    /** Releases the transport (quits the browser of {@link Transport#BROWSER}); later calls fail. */
    @Override
    public void close() {
        closed = true;
        fetcher.close();
    }

    private Optional<Account> user(URI uri) throws SourceException {
        return ResponseParser.user(getJson(uri), ResponseParser::account, uri, 200);
    }

    private <T> List<T> list(String path, int max, Function<JsonNode, Optional<T>> parser) throws SourceException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("limit", Integer.toString(Math.min(max, PAGE_LIMIT)));
        params.put("linked_partitioning", "1");
        Paginator.Result<T> result = paginator.collect(ApiUris.endpoint(config.apiBase(), path, params), max, parser);
        if (result.skipped() > 0) {
            skipped.addAndGet(result.skipped());
            LOG.log(Level.DEBUG, "skipped {0} items without a determinable target in /{1}", result.skipped(), path);
        }
        if (result.stop() == Paginator.Stop.MAX_PAGES || result.stop() == Paginator.Stop.REPEATED_CURSOR) {
            LOG.log(Level.DEBUG, "stopped /{0} after {1} pages: {2}", path, result.pages(), result.stop());
        }
        return List.copyOf(result.items());
    }

    /**
     * GETs an API URI with the current client_id; null on 404. Re-discovers the id and repeats once
     * on 401 or a non-captcha 403.
     */
    private @Nullable JsonNode getJson(URI uri) throws SourceException {
        if (closed) {
            throw new IllegalStateException("client is closed");
        }
        HttpFetcher.Fetched fetched = fetcher.json(ApiUris.withClientId(uri, currentClientId()));
        if (isRefusal(fetched.status())) {
            String rejected = currentClientId();
            String fresh = rediscover(rejected);
            fetched = fetcher.json(ApiUris.withClientId(uri, fresh));
            if (isRefusal(fetched.status())) {
                throw new SourceException(
                        "api-v2 refused the client_id twice (HTTP " + fetched.status() + ") for " + uri
                                + " (first " + rejected + ", then re-discovered " + fresh
                                + "); SoundCloud may have changed its web client: try later or use the official API",
                        fetched.status(),
                        fetched.uri(),
                        null);
            }
        }
        return fetched.jsonUnless404();
    }

    /** The cached client_id, discovered once even when several threads ask at the same time. */
    private String currentClientId() throws SourceException {
        String id = clientId;
        if (id != null) {
            return id;
        }
        synchronized (this) {
            id = clientId;
            if (id == null) {
                id = finder.discover();
                clientId = id;
            }
            return id;
        }
    }

    /** Forgets a refused client_id and discovers a new one, unless another thread already has. */
    private synchronized String rediscover(String rejected) throws SourceException {
        if (rejected.equals(clientId)) {
            clientId = null;
        }
        return currentClientId();
    }

    private static boolean isRefusal(int status) {
        return status == 401 || status == 403;
    }

    private static long requireId(long userId) {
        return ApiUris.requireUserId(userId);
    }
}
