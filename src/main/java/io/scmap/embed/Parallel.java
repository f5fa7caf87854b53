package io.scmap.embed;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Runs numbered blocks of work on a small pool of daemon threads. Callers make every block write only
 * its own outputs, and choose blocks from the data's size alone, so results never depend on the
 * number of threads or on their timing.
 */
final class Parallel implements AutoCloseable {
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final int threads;
    private final @Nullable ExecutorService pool;

    /** A pool of {@code threads} workers; 0 means one per available processor. */
    Parallel(int threads) {
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        if (this.threads == 1) {
            this.pool = null;
        } else {
            int id = POOLS.incrementAndGet();
            AtomicInteger worker = new AtomicInteger();
            this.pool = Executors.newFixedThreadPool(this.threads, r -> {
                Thread t = new Thread(r, "scmap-embed-" + id + "-" + worker.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
    }

    int threads() {
        return threads;
    }

    /** Runs {@code body} for every block in {@code [0, blocks)} and returns when all are done. */
    void forEach(int blocks, IntConsumer body) {
        forEach(blocks, body, done -> {});
    }

    /**
     * Runs {@code body} for every block in {@code [0, blocks)}; {@code onDone} hears, on the calling
     * thread, how many leading blocks have finished.
     */
    void forEach(int blocks, IntConsumer body, IntConsumer onDone) {
        ExecutorService p = pool;
        if (p == null || blocks <= 1) {
            for (int b = 0; b < blocks; b++) {
                body.accept(b);
                onDone.accept(b + 1);
            }
            return;
        }
        List<Future<?>> futures = new ArrayList<>(blocks);
        for (int b = 0; b < blocks; b++) {
            int block = b;
            futures.add(p.submit(() -> body.accept(block)));
        }
        try {
            for (int b = 0; b < blocks; b++) {
                futures.get(b).get();
                onDone.accept(b + 1);
            }
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new CancellationException("embedding interrupted");
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Splits {@code [0, n)} into at most {@code parts} contiguous ranges; returns their bounds. */
    static int[] ranges(int n, int parts) {
        int k = Math.max(1, Math.min(parts, n));
        int[] bounds = new int[k + 1];
        for (int i = 0; i <= k; i++) {
            bounds[i] = (int) ((long) n * i / k);
        }
        return bounds;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
