package io.scmap.cli;

import io.scmap.crawl.CrawlListener;
import io.scmap.crawl.CrawlProgress;
import io.scmap.crawl.SkipReason;
import io.scmap.source.Account;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Draws a crawl's progress: accounts done out of done plus frontier, requests per second and ETA; and
 * prints the crawl's warnings on their own lines.
 */
final class CrawlBar implements CrawlListener, AutoCloseable {
    private final ProgressBar bar;
    private final PrintWriter err;
    private final long startNanos = System.nanoTime();
    private final long startRequests;
    private final int maxAccounts;

    /**
     * @param maxAccounts the crawl's cap on scraped accounts (0 = none), which bounds the bar's total
     */
    CrawlBar(PrintWriter err, long startRequests, int maxAccounts) {
        this.err = err;
        this.maxAccounts = maxAccounts;
        this.startRequests = startRequests;
        this.bar = ProgressBar.start("crawl   ", 1, err);
    }

    @Override
    public void accountScraped(Account account, int interactions, CrawlProgress progress) {
        draw(progress);
    }

    @Override
    public void accountSkipped(String permalink, SkipReason reason, CrawlProgress progress) {
        draw(progress);
    }

    @Override
    public void warning(String message) {
        err.println("scmap: warning: " + message);
        err.flush();
    }

    private void draw(CrawlProgress p) {
        long done = (long) p.scraped() + p.skipped();
        double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
        long total = done + p.frontier() + p.seedsLeft();
        if (maxAccounts > 0) {
            total = Math.min(total, (long) maxAccounts + p.skipped());
        }
        bar.update(
                done,
                total,
                String.format(
                        Locale.ROOT,
                        "%d scraped, %d skipped, %.0f req/s",
                        p.scraped(),
                        p.skipped(),
                        (p.requests() - startRequests) / seconds));
    }

    @Override
    public void close() {
        bar.close();
    }
}
