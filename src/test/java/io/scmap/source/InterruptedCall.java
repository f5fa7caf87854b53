package io.scmap.source;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs a client call on its own thread, interrupts it once it is under way, and records how it
 * ended: in time or not, what it threw, and whether the thread's interrupt flag stayed set.
 */
record InterruptedCall(boolean endedInTime, @Nullable Throwable thrown, boolean flagKept) {

    /** A call to a SoundCloud client. */
    interface Call {
        void run() throws SourceException;
    }

    /**
     * @param started true once the call has reached the server
     * @param settle how long to wait after that before interrupting
     * @param limit how long the call may take to end after the interrupt
     */
    static InterruptedCall of(Call call, BooleanSupplier started, Duration settle, Duration limit)
            throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean flagKept = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        Thread caller = new Thread(() -> {
            try {
                call.run();
            } catch (SourceException | RuntimeException e) {
                thrown.set(e);
            }
            flagKept.set(Thread.currentThread().isInterrupted());
            done.countDown();
        });
        caller.start();
        while (!started.getAsBoolean()) {
            Thread.sleep(5);
        }
        Thread.sleep(settle.toMillis());
        caller.interrupt();
        boolean inTime = done.await(limit.toMillis(), TimeUnit.MILLISECONDS);
        return new InterruptedCall(inTime, thrown.get(), flagKept.get());
    }
}
