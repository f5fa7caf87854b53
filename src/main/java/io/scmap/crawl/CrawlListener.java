package io.scmap.crawl;

import io.scmap.source.Account;

/**
 * Receives a crawl's progress events, on the crawling thread, e.g. to draw a progress bar. Every
 * method has an empty default; a listener must return quickly and must not throw.
 */
public interface CrawlListener {
    /** A listener that ignores every event. */
    CrawlListener SILENT = new CrawlListener() {};

    /** Work on an account begins; {@code permalink} is the seed as given or the account's last known permalink. */
    default void accountStarted(String permalink, CrawlProgress progress) {}

    /** An account was scraped and committed with {@code interactions} interactions. */
    default void accountScraped(Account account, int interactions, CrawlProgress progress) {}

    /** An account or seed permalink was recorded as skipped. */
    default void accountSkipped(String permalink, SkipReason reason, CrawlProgress progress) {}

    /** Something the user should know, e.g. a seed that does not exist. One line, no trailing period needed. */
    default void warning(String message) {}
}
