package io.scmap.crawl;

import java.time.Duration;
import java.util.Objects;

/**
 * What one {@link Crawler#run} did.
 *
 * @param scraped accounts scraped in this run
 * @param skipped accounts and seed permalinks skipped in this run
 * @param scrapedTotal accounts scraped in the ledger, counting earlier runs
 * @param frontier accounts encountered but neither scraped nor skipped when the run ended
 * @param requests requests made to SoundCloud in this run
 * @param elapsed wall time of this run
 * @param stop why the run ended
 */
public record CrawlSummary(
        int scraped, int skipped, int scrapedTotal, int frontier, long requests, Duration elapsed, Stop stop) {

    /** Why a run ended. */
    public enum Stop {
        /** No seeds left and no account to expand to (or expansion off). */
        EXHAUSTED,
        /** The ledger holds {@link CrawlParams#maxAccounts()} scraped accounts. */
        MAX_ACCOUNTS,
        /** The thread was interrupted; the account in progress was finished or left unrecorded. */
        INTERRUPTED,
        /** SoundCloud or the ledger failed; only in {@link CrawlException#summary()}. */
        FAILED
    }

    public CrawlSummary {
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(stop, "stop");
    }

    public boolean interrupted() {
        return stop == Stop.INTERRUPTED;
    }
}
