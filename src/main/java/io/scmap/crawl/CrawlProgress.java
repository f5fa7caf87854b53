package io.scmap.crawl;

/**
 * Where a crawl stands, for progress bars. Totals include earlier runs on the same ledger.
 *
 * @param scraped accounts scraped in total
 * @param skipped accounts skipped in total (seed permalinks that did not resolve not included)
 * @param frontier accounts encountered but neither scraped nor skipped
 * @param seedsLeft seed permalinks not yet handled
 * @param requests requests made to SoundCloud in total
 */
public record CrawlProgress(int scraped, int skipped, int frontier, int seedsLeft, long requests) {}
