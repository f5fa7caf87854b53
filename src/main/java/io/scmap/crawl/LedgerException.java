package io.scmap.crawl;

import org.jspecify.annotations.Nullable;

/** A {@link CrawlLedger} could not read or record crawl state. The message names the file or resource. */
public class LedgerException extends Exception {
    private static final long serialVersionUID = 1L;

    public LedgerException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
