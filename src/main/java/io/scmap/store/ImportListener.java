package io.scmap.store;

/**
 * Receives the progress of an import, for progress bars. Called on the importing thread, never
 * concurrently. The store's steps, in order: {@code accounts}, {@code cells}, {@code finish}.
 */
@FunctionalInterface
public interface ImportListener {
    /** Ignores all progress. */
    ImportListener NONE = (step, fraction) -> {};

    /**
     * Reports that {@code fraction} (0 to 1) of {@code step} is done; each step ends with 1.
     *
     * @param step the step's name
     * @param fraction the part done, non-decreasing within a step
     */
    void progress(String step, double fraction);
}
