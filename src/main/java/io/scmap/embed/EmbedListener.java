package io.scmap.embed;

/**
 * Receives progress of the embed stage, for progress bars. Called on the thread that called {@link
 * Embedder}, never concurrently. Steps, in order: {@code filter}, {@code svd}, {@code knn}, {@code
 * graph}, {@code init}, {@code optimize}.
 */
@FunctionalInterface
public interface EmbedListener {
    /** Ignores all progress. */
    EmbedListener NONE = (step, fraction) -> {};

    /**
     * Reports that {@code fraction} (0 to 1) of {@code step} is done; each step ends with 1.
     *
     * @param step the step's name
     * @param fraction the part done, non-decreasing within a step
     */
    void progress(String step, double fraction);
}
