package io.scmap.crawl;

import org.jspecify.annotations.Nullable;

/**
 * A crawl stopped early because SoundCloud failed for good (blocked, retries exhausted, an
 * unexpected status) or the ledger could not record. Everything committed before stays in the
 * ledger; rerunning the crawl resumes from there. The cause is the {@link
 * io.scmap.source.SourceException} or {@link LedgerException}.
 */
public final class CrawlException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient @Nullable CrawlSummary summary;

    CrawlException(String message, Throwable cause, @Nullable CrawlSummary summary) {
        super(message, cause);
        this.summary = summary;
    }

    /** What the crawl achieved before it stopped; null only after deserialisation. */
    public @Nullable CrawlSummary summary() {
        return summary;
    }
}
