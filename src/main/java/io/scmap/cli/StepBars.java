package io.scmap.cli;

import java.io.PrintWriter;
import org.jspecify.annotations.Nullable;

/** One progress bar per named step of a stage, opened when its step begins and closed when the next does. */
final class StepBars implements AutoCloseable {
    private final PrintWriter err;
    private @Nullable String step;
    private @Nullable ProgressBar bar;

    StepBars(PrintWriter err) {
        this.err = err;
    }

    /** Receives {@code (step, fraction done)} events. */
    void progress(String stepName, double fraction) {
        if (!stepName.equals(step)) {
            close();
            step = stepName;
            bar = ProgressBar.start(String.format(java.util.Locale.ROOT, "%-8s", stepName), 1000, err);
        }
        ProgressBar current = bar;
        if (current != null) {
            current.fraction(fraction, "");
        }
    }

    @Override
    public void close() {
        ProgressBar current = bar;
        if (current != null) {
            current.close();
        }
        bar = null;
        step = null;
    }
}
