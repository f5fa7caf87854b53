package io.scmap.crawl;

import io.scmap.source.Interaction;
import io.scmap.source.InteractionType;
import io.scmap.source.SoundCloudClient;
import io.scmap.source.SourceException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Fetches an account's four interaction lists, one after another or, with {@link
 * CrawlParams#parallelFetches()} above 1, several at once on a small pool (the client must then be
 * thread-safe). The result is the same either way: the lists in {@link InteractionType} order.
 */
final class InteractionFetcher implements AutoCloseable {
    private static final InteractionType[] TYPES = InteractionType.values();

    private final SoundCloudClient client;
    private final int perType;
    private final EnumSet<InteractionType> supported;
    private final @Nullable ExecutorService pool;

    /** One list could not be fetched; names which. */
    static final class FetchFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final InteractionType type;
        private final SourceException source;

        FetchFailure(InteractionType type, SourceException source) {
            super(source.getMessage(), source);
            this.type = type;
            this.source = source;
        }

        InteractionType type() {
            return type;
        }

        SourceException source() {
            return source;
        }
    }

    InteractionFetcher(SoundCloudClient client, CrawlParams params) {
        this.client = client;
        this.perType = params.perType();
        this.supported = EnumSet.noneOf(InteractionType.class);
        this.supported.addAll(client.supportedTypes());
        this.pool = params.parallelFetches() > 1 && perType > 0
                ? Executors.newFixedThreadPool(params.parallelFetches(), daemonThreads())
                : null;
    }

    /** The types the client cannot list (the official API has no comments feed); their lists stay empty. */
    Set<InteractionType> unavailable() {
        return EnumSet.complementOf(supported);
    }

    /**
     * The newest {@code perType} interactions of every type, in type order; empty lists when perType
     * is 0 and for the types the client cannot list.
     */
    List<List<Interaction>> fetch(long userId) throws FetchFailure {
        List<List<Interaction>> lists = new ArrayList<>(TYPES.length);
        ExecutorService executor = pool;
        if (perType == 0) {
            for (int t = 0; t < TYPES.length; t++) {
                lists.add(List.of());
            }
            return lists;
        }
        if (executor == null) {
            for (InteractionType type : TYPES) {
                if (!supported.contains(type)) {
                    lists.add(List.of());
                    continue;
                }
                try {
                    lists.add(client.interactions(userId, type, perType));
                } catch (SourceException e) {
                    throw new FetchFailure(type, e);
                }
            }
            return lists;
        }
        List<Future<List<Interaction>>> futures = new ArrayList<>(TYPES.length);
        for (InteractionType type : TYPES) {
            futures.add(
                    supported.contains(type)
                            ? executor.submit(() -> client.interactions(userId, type, perType))
                            : CompletableFuture.completedFuture(List.of()));
        }
        for (int t = 0; t < TYPES.length; t++) {
            try {
                lists.add(futures.get(t).get());
            } catch (ExecutionException e) {
                cancel(futures);
                Throwable cause = e.getCause();
                if (cause instanceof SourceException source) {
                    throw new FetchFailure(TYPES[t], source);
                }
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(cause);
            } catch (InterruptedException e) {
                cancel(futures);
                Thread.currentThread().interrupt();
                throw new FetchFailure(TYPES[t], new SourceException("interrupted", 0, null, e));
            }
        }
        return lists;
    }

    private static void cancel(List<Future<List<Interaction>>> futures) {
        for (Future<List<Interaction>> future : futures) {
            future.cancel(true);
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "scmap-fetch-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        ExecutorService executor = pool;
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
