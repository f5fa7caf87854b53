package io.scmap.source;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
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
     * of {@link WebApiConfig#rate()} requests per second. A client whose API and web bases are both
     * loopback addresses (the simulator, test servers) is not rate-limited: politeness is owed to
     * remote servers. Backoff jitter is drawn from a {@link SplittableRandom} seeded with {@link
     * WebApiConfig#seed()}.
     *
     * <p>Every call can throw {@link SourceException} (after retries, with status and URL), or its
     * subclass {@link BlockedException} when bot protection answers with a captcha. An interrupt
     * aborts the current call at once (also while it waits for the rate limit) with a {@code
     * SourceException} of status 0 and leaves the thread's interrupt flag set, so a crawler loop can
     * check it and stop.
     */
    public static SoundCloudClient webApi(WebApiConfig config) {
        RequestThrottle throttle = isLoopback(config.apiBase()) && isLoopback(config.webBase())
                ? RequestThrottle.unlimited()
                : RequestThrottle.of(config);
        HttpFetcher fetcher = new HttpFetcher(
                config,
                new RetryPolicy(config, new SplittableRandom(config.seed()), Clock.systemUTC()),
                RetryPolicy.Sleeper.system(),
                throttle);
        return new WebApiClient(config, fetcher);
    }

    /**
     * Whether {@code base} names this machine: {@code localhost}, an IPv4 address in 127.0.0.0/8, or
     * the IPv6 loopback. Looks at the text only, never at DNS.
     */
    static boolean isLoopback(URI base) {
        String host = base.getHost();
        if (host == null) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (host.matches("127(\\.[0-9]{1,3}){3}")) {
            return true;
        }
        if (host.startsWith("[") && host.endsWith("]") && host.contains(":")) {
            try {
                // an IPv6 literal is parsed, never resolved
                return InetAddress.getByName(host.substring(1, host.length() - 1))
                        .isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }
}
