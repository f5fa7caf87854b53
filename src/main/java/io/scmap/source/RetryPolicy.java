package io.scmap.source;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a failed request is retried and how long to wait first.
 *
 * <p>Retried: HTTP 429, 500, 502, 503, 504, I/O errors and timeouts, and 2xx bodies that are not
 * valid JSON (the caller decides the latter two). The wait before retry {@code n} (0-based) is
 * {@code b = min(maxBackoff, initialBackoff * 2^n)} with "equal jitter": uniform in {@code [b/2,
 * b]}. A {@code Retry-After} header (seconds or HTTP date) replaces it, capped at {@code
 * maxBackoff}. Deterministic: the jitter comes from the {@link SplittableRandom} passed in, so the
 * same seed gives the same waits.
 *
 * <p>{@link #toFailsafe} turns these rules into a Failsafe retry policy, which counts the attempts
 * and decides when to stop; Failsafe's own jitter is not used because it cannot take a seed.
 * Thread-safe.
 */
final class RetryPolicy {

    /** Waits; the seam that lets tests record waits instead of sleeping. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;

        static Sleeper system() {
            return duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());
        }
    }

    private final int maxRetries;
    private final long initialNanos;
    private final long maxNanos;
    private final SplittableRandom random;
    private final Clock clock;

    /**
     * Checks the timeout, retry, backoff and paging settings that the web and official clients share;
     * messages name the setting and its value.
     */
    static void checkSettings(
            Duration timeout, int maxRetries, Duration initialBackoff, Duration maxBackoff, int maxPages) {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be > 0, got " + timeout);
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0, got " + maxRetries);
        }
        if (initialBackoff.isNegative()) {
            throw new IllegalArgumentException("initialBackoff must be >= 0, got " + initialBackoff);
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(
                    "maxBackoff must be >= initialBackoff (" + initialBackoff + "), got " + maxBackoff);
        }
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages must be >= 1, got " + maxPages);
        }
    }

    /**
     * The settings {@link #checkSettings} checks, with the jitter seed and the rate, for a manifest:
     * durations as ISO-8601, the rate as {@link RequestThrottle#describeRate} gives it.
     */
    static Map<String, Object> settingsMap(WebApiConfig config) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("timeout", config.timeout().toString());
        map.put("maxRetries", config.maxRetries());
        map.put("initialBackoff", config.initialBackoff().toString());
        map.put("maxBackoff", config.maxBackoff().toString());
        map.put("maxPages", config.maxPages());
        map.put("seed", config.seed());
        map.put("rate", RequestThrottle.describeRate(config.rate()));
        return map;
    }

    RetryPolicy(WebApiConfig config, SplittableRandom random, Clock clock) {
        this.maxRetries = config.maxRetries();
        this.initialNanos = config.initialBackoff().toNanos();
        this.maxNanos = config.maxBackoff().toNanos();
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Retries allowed after the first attempt. */
    int maxRetries() {
        return maxRetries;
    }

    /**
     * A Failsafe policy that retries results for which {@code failed} holds, at most {@link
     * #maxRetries()} times, waiting {@link #delay} with the result's Retry-After value. For use with
     * a standalone {@code dev.failsafe.Execution}, which leaves the waiting to the caller.
     */
    <R> dev.failsafe.RetryPolicy<R> toFailsafe(Predicate<R> failed, Function<R, @Nullable String> retryAfter) {
        return dev.failsafe.RetryPolicy.<R>builder()
                .handleResultIf(failed::test)
                .withMaxRetries(maxRetries)
                .withDelayFn(context -> delay(context.getAttemptCount() - 1, retryAfter.apply(context.getLastResult())))
                .build();
    }

    /** Whether a response with this status is worth repeating. */
    static boolean isRetryableStatus(int status) {
        return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    /** The wait before retry {@code retry} (0-based): the server's Retry-After if usable, else backoff. */
    Duration delay(int retry, @Nullable String retryAfter) {
        Optional<Duration> asked = parseRetryAfter(retryAfter);
        if (asked.isPresent()) {
            return asked.get().toNanos() > maxNanos ? Duration.ofNanos(maxNanos) : asked.get();
        }
        return backoff(retry);
    }

    /** Exponential backoff with equal jitter for retry {@code retry} (0-based). */
    Duration backoff(int retry) {
        long base = initialNanos;
        for (int i = 0; i < retry && base < maxNanos; i++) {
            base = base > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : base * 2;
        }
        base = Math.min(base, maxNanos);
        long half = base / 2;
        long spread = base - half;
        if (spread == 0) {
            return Duration.ofNanos(half);
        }
        synchronized (random) {
            return Duration.ofNanos(half + random.nextLong(spread + 1));
        }
    }

    /** Reads {@code Retry-After} as delta-seconds or an HTTP date; empty when absent or unreadable. */
    Optional<Duration> parseRetryAfter(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        if (text.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
            } catch (NumberFormatException e) {
                return Optional.of(Duration.ofNanos(maxNanos));
            }
        }
        try {
            Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            Duration until = Duration.between(clock.instant(), at);
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
