package io.scmap.source;

import java.time.Clock;
import java.util.SplittableRandom;

/** Builds {@link SoundCloudClient}s. */
public final class SoundCloud {
    private SoundCloud() {}

    /**
     * A client of the web api-v2 that soundcloud.com itself uses, with client_id discovery, paging,
     * retries with backoff, a request rate limit and bot-protection detection. See {@link
     * WebApiConfig} for the settings.
     *
     * <p>The client is thread-safe: the crawler may fetch several lists at once. All its requests,
     * from every thread and for every purpose (client_id discovery, lists, retries), share one limit
     * of {@link WebApiConfig#rate()} requests per second (the demo and tests against the simulator
     * set it unlimited). Backoff jitter is drawn from a {@link SplittableRandom} seeded with {@link
     * WebApiConfig#seed()}.
     *
     * <p>Every call can throw {@link SourceException} (after retries, with status and URL), or its
     * subclass {@link BlockedException} when bot protection answers with a captcha. An interrupt
     * aborts the current call at once (also while it waits for the rate limit) with a {@code
     * SourceException} of status 0 and leaves the thread's interrupt flag set, so a crawler loop can
     * check it and stop.
     */
    public static SoundCloudClient webApi(WebApiConfig config) {
        RequestThrottle throttle = RequestThrottle.of(config);
        HttpFetcher fetcher = new HttpFetcher(
                config,
                new RetryPolicy(config, new SplittableRandom(config.seed()), Clock.systemUTC()),
                RetryPolicy.Sleeper.system(),
                throttle);
        return new WebApiClient(config, fetcher);
    }

    /**
     * A client of the official API (api.soundcloud.com), signed in with OAuth 2.1 client credentials
     * from {@link OfficialApiConfig}; the token is cached and renewed before expiry and on a 401. It
     * lists likes and followings ({@link SoundCloudClient#supportedTypes()}): the official API has no
     * per-user comment or repost lists.
     *
     * <p>Thread-safe. Backoff jitter is drawn from a {@link SplittableRandom} seeded with {@link
     * OfficialApiConfig#seed()}. Calls throw {@link SourceException} after retries (with status and
     * URL); a refused or rate-limited token request says so. The client secret appears in no message.
     */
    public static SoundCloudClient officialApi(OfficialApiConfig config) {
        RetryPolicy retry =
                new RetryPolicy(config.retrySettings(), new SplittableRandom(config.seed()), Clock.systemUTC());
        OfficialHttp http = new OfficialHttp(config.timeout(), retry, RetryPolicy.Sleeper.system());
        return new OfficialApiClient(config, http, Clock.systemUTC());
    }
}
