package io.scmap.source;

import dev.failsafe.RateLimiter;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Holds every request of one client to a steady pace: at most {@code rate} requests per second in
 * total, however many threads ask.
 *
 * <p>Failsafe's "smooth" rate limiter, a token bucket of capacity one whose token appears on a fixed
 * grid of {@code 1/rate} seconds: the first request after a pause goes at once, the next at the next
 * grid mark (so at most two go back to back), the rest {@code 1/rate} apart; idle time does not save
 * up a larger burst. Each caller reserves the next free slot, so parallel callers queue and their sum
 * stays within the rate. Waiting ends early on an interrupt. Thread-safe; O(1)
 * per request.
 */
final class RequestThrottle {
    private static final RequestThrottle UNLIMITED = new RequestThrottle(null);

    private final @Nullable RateLimiter<Object> limiter;

    private RequestThrottle(@Nullable RateLimiter<Object> limiter) {
        this.limiter = limiter;
    }

    /**
     * Checks a client's {@code rate} setting (requests per second, 0 or infinity for no limit); the
     * message names it and its value.
     */
    static void checkRate(double rate) {
        if (!(rate >= 0)) {
            throw new IllegalArgumentException(
                    "rate must be >= 0 requests per second (0 or Infinity: unlimited), got " + rate);
        }
    }

    /** Whether {@code rate} limits anything: false for 0 and infinity. */
    static boolean isLimiting(double rate) {
        return rate > 0 && rate < Double.POSITIVE_INFINITY;
    }

    /** A rate setting for a manifest: the number, or {@code "unlimited"} for 0 and infinity. */
    static Object describeRate(double rate) {
        return isLimiting(rate) ? (Object) rate : "unlimited";
    }

    /** A throttle for {@code rate} requests per second; {@code 0} or infinity gives {@link #unlimited()}. */
    static RequestThrottle of(double rate) {
        if (!(rate >= 0)) {
            throw new IllegalArgumentException("rate must be >= 0, got " + rate);
        }
        double spacing = rate == 0 ? 0 : 1e9 / rate;
        if (spacing < 1) {
            return UNLIMITED;
        }
        long nanos = spacing >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.round(spacing);
        return new RequestThrottle(
                RateLimiter.smoothBuilder(Duration.ofNanos(nanos)).build());
    }

    /** The throttle of a client with these settings ({@link WebApiConfig#rate()}). */
    static RequestThrottle of(WebApiConfig config) {
        return config.isRateLimited() ? of(config.rate()) : UNLIMITED;
    }

    /** A throttle that never waits. */
    static RequestThrottle unlimited() {
        return UNLIMITED;
    }

    boolean isUnlimited() {
        return limiter == null;
    }

    /** Blocks until the next request may go. */
    void acquire() throws InterruptedException {
        // a free slot would let an interrupted thread through; it should stop instead
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("interrupt pending");
        }
        if (limiter != null) {
            limiter.acquirePermit();
        }
    }
}
