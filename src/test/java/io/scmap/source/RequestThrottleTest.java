package io.scmap.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Timing is measured loosely (lower bounds only, or wide upper bounds): the machine is shared. */
class RequestThrottleTest {

    private static long millisOf(ThrowingRunnable work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void twelveRequestsAtTwentyPerSecondTakeAtLeastHalfASecond() throws Exception {
        RequestThrottle throttle = RequestThrottle.of(20);
        long millis = millisOf(() -> {
            for (int i = 0; i < 12; i++) {
                throttle.acquire();
            }
        });
        // the first goes at once, eleven more 50 ms apart: 550 ms
        assertThat(millis).isGreaterThanOrEqualTo(500);
    }

    @Test
    void aPauseBuysABurstOfAtMostTwo() throws Exception {
        RequestThrottle throttle = RequestThrottle.of(10);
        assertThat(millisOf(throttle::acquire)).isLessThan(90);
        assertThat(millisOf(throttle::acquire)).isGreaterThanOrEqualTo(80);
        Thread.sleep(350);
        // three slots of idle time are not saved up: the first goes at once, the second at the next
        // 100 ms mark (0-100 ms later), the third a whole slot after that
        assertThat(millisOf(throttle::acquire)).isLessThan(90);
        throttle.acquire();
        assertThat(millisOf(throttle::acquire)).isGreaterThanOrEqualTo(80);
    }

    @Test
    void parallelCallersShareOneBucket() throws Exception {
        RequestThrottle throttle = RequestThrottle.of(20);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long millis = millisOf(() -> {
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Thread thread = new Thread(() -> {
                    try {
                        for (int i = 0; i < 3; i++) {
                            throttle.acquire();
                        }
                    } catch (InterruptedException e) {
                        failure.set(e);
                    }
                });
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
        });
        assertThat(failure.get()).isNull();
        // 12 requests in all: alone, each thread would be done after 100 ms
        assertThat(millis).isGreaterThanOrEqualTo(500);
    }

    @Test
    void zeroInfinityAndAbsurdRatesAreUnlimitedAndNeverWait() throws Exception {
        assertThat(RequestThrottle.of(0).isUnlimited()).isTrue();
        assertThat(RequestThrottle.of(Double.POSITIVE_INFINITY).isUnlimited()).isTrue();
        assertThat(RequestThrottle.of(1e12).isUnlimited()).isTrue();
        assertThat(RequestThrottle.of(WebApiConfig.DEFAULTS.withRate(0)).isUnlimited())
                .isTrue();
        assertThat(RequestThrottle.of(WebApiConfig.DEFAULTS).isUnlimited()).isFalse();
        RequestThrottle throttle = RequestThrottle.of(0);
        long millis = millisOf(() -> {
            for (int i = 0; i < 10_000; i++) {
                throttle.acquire();
            }
        });
        // at the default 1/s this would take hours
        assertThat(millis).isLessThan(2_000);
    }

    @Test
    void anInterruptEndsTheWaitPromptly() throws Exception {
        RequestThrottle throttle = RequestThrottle.of(0.2);
        throttle.acquire();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            try {
                throttle.acquire();
            } catch (InterruptedException e) {
                thrown.set(e);
            }
            done.countDown();
        });
        waiter.start();
        Thread.sleep(100);
        waiter.interrupt();
        // the slot is 5 s away; returning within 2 s means the wait was cut short
        assertThat(done.await(2, TimeUnit.SECONDS)).isTrue();
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
    }

    @Test
    void aPendingInterruptStopsEvenAnUnlimitedThrottle() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> RequestThrottle.unlimited().acquire()).isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void rejectsNegativeAndNaNRates() {
        assertThatThrownBy(() -> RequestThrottle.of(-1.0)).hasMessage("rate must be >= 0, got -1.0");
        assertThatThrownBy(() -> RequestThrottle.of(Double.NaN)).hasMessageContaining("NaN");
    }
}
