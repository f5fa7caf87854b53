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
     * <p>{@link WebApiConfig#transport()} chooses who sends the requests: Java's HTTP client, or a
     * headless Chromium page on the web base ({@link Transport#BROWSER}), which starts on the first
     * request and quits when the client is closed (or, if it never is, when the JVM exits). Parsing,
     * paging, retries and the rate limit are the same for both.
     *
     * <p>Every call can throw {@link SourceException} (after retries, with status and URL), or its
     * subclass {@link BlockedException} when bot protection answers with a captcha; a browser that
     * does not start is a {@code SourceException} of status 0. An interrupt aborts the current call
     * at once (also while it waits for the rate limit) with a {@code SourceException} of status 0 and
     * leaves the thread's interrupt flag set, so a crawler loop can check it and stop.
     *
     * @throws IllegalArgumentException for {@link Transport#BROWSER} when Chromium or ChromeDriver is
     *     neither configured nor on the {@code PATH}, or a configured path is not an executable; the
     *     one-line message says what to install
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
     * <p>Thread-safe. Token and API requests share one limit of {@link OfficialApiConfig#rate()}
     * requests per second. Backoff jitter is drawn from a {@link SplittableRandom} seeded with {@link
     * OfficialApiConfig#seed()}. Calls throw {@link SourceException} after retries (with status and
     * URL); a refused or rate-limited token request says so. The client secret appears in no message.
     */
    public static SoundCloudClient officialApi(OfficialApiConfig config) {
        RetryPolicy retry =
                new RetryPolicy(config.retrySettings(), new SplittableRandom(config.seed()), Clock.systemUTC());
        return new OfficialApiClient(
                config, OfficialApiClient.fetcher(config, retry, RetryPolicy.Sleeper.system()), Clock.systemUTC());
    }
}
