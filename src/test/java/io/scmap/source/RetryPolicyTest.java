package io.scmap.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static RetryPolicy policy(WebApiConfig config) {
        return new RetryPolicy(config, new SplittableRandom(config.seed()), TestClients.FIXED_CLOCK);
    }

    @Test
    void backoffDoublesWithinEqualJitterAndStopsAtTheCap() {
        RetryPolicy policy = policy(WebApiConfig.DEFAULTS);
        long[] bases = {1, 2, 4, 8, 16, 32, 60, 60, 60};
        for (int retry = 0; retry < bases.length; retry++) {
            Duration wait = policy.backoff(retry);
            Duration base = Duration.ofSeconds(bases[retry]);
            assertThat(wait).isBetween(base.dividedBy(2), base);
        }
        assertThat(policy.backoff(1000)).isLessThanOrEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void sameSeedSameWaitsOtherSeedOtherWaits() {
        assertThat(waits(WebApiConfig.DEFAULTS.withSeed(7)))
                .isEqualTo(waits(WebApiConfig.DEFAULTS.withSeed(7)))
                .isNotEqualTo(waits(WebApiConfig.DEFAULTS.withSeed(8)));
    }

    private static List<Duration> waits(WebApiConfig config) {
        RetryPolicy policy = policy(config);
        List<Duration> waits = new ArrayList<>();
        for (int retry = 0; retry < 6; retry++) {
            waits.add(policy.backoff(retry));
        }
        return waits;
    }

    @Test
    void retryAfterInSecondsOrAsDateIsHonouredUpToTheCap() {
        RetryPolicy policy = policy(WebApiConfig.DEFAULTS);
        assertThat(policy.delay(0, "7")).isEqualTo(Duration.ofSeconds(7));
        assertThat(policy.delay(0, " 0 ")).isEqualTo(Duration.ZERO);
        assertThat(policy.delay(0, "3600")).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.delay(0, "99999999999999999999999")).isEqualTo(Duration.ofSeconds(60));
        // the fixed clock reads 2026-04-14T03:30:30Z
        assertThat(policy.delay(0, "Tue, 14 Apr 2026 03:30:42 GMT")).isEqualTo(Duration.ofSeconds(12));
        assertThat(policy.delay(0, "Tue, 14 Apr 2026 03:00:00 GMT")).isEqualTo(Duration.ZERO);
    }

    @Test
    void unreadableRetryAfterFallsBackToBackoff() {
        RetryPolicy policy = policy(WebApiConfig.DEFAULTS);
        assertThat(policy.delay(2, "soon")).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(policy.delay(0, null)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void zeroBackoffNeverWaits() {
        RetryPolicy policy =
                policy(WebApiConfig.DEFAULTS.withInitialBackoff(Duration.ZERO).withMaxBackoff(Duration.ZERO));
        assertThat(policy.backoff(5)).isZero();
        assertThat(policy.delay(0, "30")).isZero();
    }

    @Test
    void retriesTooManyRequestsAndServerErrorsOnly() {
        assertThat(List.of(429, 500, 502, 503, 504)).allMatch(RetryPolicy::isRetryableStatus);
        assertThat(List.of(200, 301, 400, 401, 403, 404, 410, 501)).noneMatch(RetryPolicy::isRetryableStatus);
    }

    @Test
    void theFailsafePolicyStopsAfterMaxRetriesWithTheSeededWaits() {
        WebApiConfig config = WebApiConfig.DEFAULTS.withMaxRetries(3).withSeed(5);
        dev.failsafe.Execution<String> execution = dev.failsafe.Execution.of(
                policy(config).toFailsafe(result -> result.startsWith("503"), result -> null));
        List<Duration> delays = new ArrayList<>();
        while (!execution.isComplete()) {
            execution.recordResult("503");
            if (!execution.isComplete()) {
                delays.add(execution.getDelay());
            }
        }
        assertThat(execution.getAttemptCount()).isEqualTo(4);
        RetryPolicy twin = policy(config);
        assertThat(delays).containsExactly(twin.backoff(0), twin.backoff(1), twin.backoff(2));
    }

    @Test
    void theFailsafePolicyHonoursRetryAfterAndStopsOnSuccess() {
        dev.failsafe.Execution<String> execution = dev.failsafe.Execution.of(policy(WebApiConfig.DEFAULTS)
                .toFailsafe(result -> result.startsWith("429"), result -> result.substring(4)));
        execution.recordResult("429 12");
        assertThat(execution.isComplete()).isFalse();
        assertThat(execution.getDelay()).isEqualTo(Duration.ofSeconds(12));
        execution.recordResult("200");
        assertThat(execution.isComplete()).isTrue();
    }

    @Test
    void noRetriesMeansOneAttempt() {
        dev.failsafe.Execution<String> execution = dev.failsafe.Execution.of(
                policy(WebApiConfig.DEFAULTS.withMaxRetries(0)).toFailsafe(result -> true, result -> null));
        execution.recordResult("503");
        assertThat(execution.isComplete()).isTrue();
    }
}
