package io.scmap.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * A one-line progress bar on standard error: {@code crawl [#####-----] 45% 1350/3000 12.3/s ETA 0:41}.
 *
 * <p>On a terminal it redraws in place at most ten times a second; otherwise (CI, pipes) it prints a
 * plain line at every tenth of the way, so logs stay short. Not thread-safe: update from one thread.
 */
final class ProgressBar implements AutoCloseable {
    private static final int WIDTH = 24;

    private final String label;
    private final PrintWriter out;
    private final boolean interactive;
    private final long startNanos = System.nanoTime();
    private long total;
    private long done;
    private String detail = "";
    private long lastDrawNanos;
    private int lastDecile = -1;
    private boolean closed;
    private boolean fractional;

    ProgressBar(String label, long total, PrintWriter out, boolean interactive) {
        this.label = label;
        this.total = total;
        this.out = out;
        this.interactive = interactive;
    }

    /** A bar on the given error stream, redrawn in place when the process runs on a terminal. */
    static ProgressBar start(String label, long total, PrintWriter err) {
        return new ProgressBar(label, total, err, isTerminal());
    }

    /**
     * Whether standard input and output are a terminal. On Java 17 to 21 that is exactly {@code
     * System.console() != null}; from Java 22 on the console always exists and {@code isTerminal()}
     * tells, so it is called where present.
     */
    @SuppressWarnings("SystemConsoleNull")
    static boolean isTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Object terminal = java.io.Console.class.getMethod("isTerminal").invoke(console);
            return Boolean.TRUE.equals(terminal);
        } catch (ReflectiveOperationException notBefore22) {
            return true;
        }
    }

    /** Sets the amount done (and the total, which may grow, as a crawl's frontier does). */
    void update(long doneNow, long totalNow, String detailNow) {
        this.done = doneNow;
        this.total = Math.max(totalNow, doneNow);
        this.detail = detailNow;
        draw(false);
    }

    void update(long doneNow, String detailNow) {
        update(doneNow, total, detailNow);
    }

    /** Fraction in [0, 1] for steps measured in fractions rather than counts. */
    void fraction(double f, String detailNow) {
        fractional = true;
        update(Math.round(Math.max(0, Math.min(1, f)) * 1000), 1000, detailNow);
    }

    private void draw(boolean last) {
        long now = System.nanoTime();
        if (interactive) {
            if (!last && now - lastDrawNanos < 100_000_000L) {
                return;
            }
            lastDrawNanos = now;
            out.print("\r" + line(now) + "\033[K" + (last ? "\n" : ""));
        } else {
            int decile = total <= 0 ? 0 : (int) (10 * done / total);
            if (!last && decile == lastDecile) {
                return;
            }
            lastDecile = decile;
            out.println(line(now));
        }
        out.flush();
    }

    private String line(long now) {
        double seconds = (now - startNanos) / 1e9;
        double fraction = total <= 0 ? 0 : Math.min(1.0, (double) done / total);
        int filled = (int) Math.round(fraction * WIDTH);
        StringBuilder s = new StringBuilder(label)
                .append(" [")
                .append("#".repeat(filled))
                .append("-".repeat(WIDTH - filled))
                .append("] ")
                .append(String.format(Locale.ROOT, "%3d%%", Math.round(fraction * 100)));
        if (!fractional) {
            s.append(' ').append(done).append('/').append(total);
        }
        if (closed) {
            s.append(" in ").append(clock(seconds));
        } else if (done > 0 && fraction < 1) {
            s.append(" ETA ").append(clock(seconds / fraction * (1 - fraction)));
        }
        if (!detail.isEmpty()) {
            s.append("  ").append(detail);
        }
        return s.toString();
    }

    private static String clock(double seconds) {
        Duration d = Duration.ofMillis(Math.round(seconds * 1000));
        if (d.toHours() > 0) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
        }
        if (d.toMinutes() > 0) {
            return String.format(Locale.ROOT, "%d:%02d", d.toMinutes(), d.toSecondsPart());
        }
        return String.format(Locale.ROOT, "%.1fs", seconds);
    }

    /** Marks the work finished and prints the final line with the elapsed time. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (done == 0 && lastDrawNanos == 0 && lastDecile < 0) {
            return; // nothing happened: no bar, so that a failure's message stands alone
        }
        if (fractional) {
            done = total;
        } else if (done < total) {
            total = Math.max(done, 1);
        }
        draw(true);
    }
}
