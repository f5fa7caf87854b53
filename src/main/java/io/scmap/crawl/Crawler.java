package io.scmap.crawl;

import io.scmap.source.SoundCloudClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Crawls SoundCloud outward from seed accounts, as the reference did, recording every account in a
 * {@link CrawlLedger}.
 *
 * <h2>Algorithm</h2>
 *
 * <ol>
 *   <li><b>Seeds first</b>, in the order given: resolve each permalink (404: skipped {@code
 *       not_found}, with a warning) and crawl its account.
 *   <li><b>Expand</b> when no seed is left (if {@link CrawlParams#expand()}): crawl the encountered,
 *       not yet crawled account with the highest score Σ weight(type) over the interactions of
 *       scraped accounts that target it; ties go to the account seen first. The candidates sit in an
 *       indexed heap, so each pick costs O(log n) for n known accounts.
 *   <li><b>Per account</b>: profile (404: skipped {@code not_found}); up to {@link
 *       CrawlParams#maxTracks()} tracks (none: skipped {@code no_tracks}, profile kept); emerge date
 *       = the 15% quantile of the unique upload times (linear interpolation, as pandas), in UTC; the
 *       newest {@link CrawlParams#perType()} likes, comments, reposts and followings; then one
 *       ledger commit with all of it.
 *   <li><b>Stop</b> when the ledger holds {@link CrawlParams#maxAccounts()} scraped accounts, when
 *       nothing is left, or when the thread is interrupted.
 * </ol>
 *
 * <h2>Resume and failure</h2>
 *
 * Each account is recorded in one ledger call, so stopping at any point (interrupt, exception,
 * killed process) loses at most the account in progress, and {@link #run} on the same ledger
 * carries on from there: the seed queue lives in the ledger and the frontier is rebuilt from it,
 * so an interrupted crawl and an uninterrupted one record the same accounts in the same order.
 *
 * <p>Deterministic: given the same answers from SoundCloud, the same crawl order and records.
 * Not thread-safe; one run at a time per instance.
 */
public final class Crawler {
    private final SoundCloudClient client;
    private final CrawlLedger ledger;
    private final CrawlParams params;
    private final CrawlListener listener;
    private final Clock clock;

    /** A crawler that timestamps records with the system clock (UTC). */
    public Crawler(SoundCloudClient client, CrawlLedger ledger, CrawlParams params, CrawlListener listener) {
        this(client, ledger, params, listener, Clock.systemUTC());
    }

    /** A crawler that timestamps records and measures elapsed time with {@code clock}. */
    public Crawler(
            SoundCloudClient client, CrawlLedger ledger, CrawlParams params, CrawlListener listener, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.params = Objects.requireNonNull(params, "params");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Crawls until done, the account limit, or an interrupt. Seeds not yet in the ledger join the
     * end of its seed queue; seeds of earlier runs still pending are crawled too. An empty list just
     * resumes.
     *
     * <p>An interrupt of the calling thread ends the run after the account in progress (recorded
     * completely or not at all); the method then returns normally with {@link
     * CrawlSummary#interrupted()} true and the thread's interrupt status still set.
     *
     * @param seedPermalinks permalinks ({@code some-artist}) or profile URLs
     *     ({@code https://soundcloud.com/some-artist})
     * @throws IllegalArgumentException if a seed is neither a permalink nor a profile URL
     * @throws CrawlException if SoundCloud fails for a reason other than a per-account 404 (blocked,
     *     retries exhausted) or the ledger cannot record; everything recorded before stays
     */
    public CrawlSummary run(List<String> seedPermalinks) throws CrawlException {
        List<String> seeds = permalinks(seedPermalinks);
        return new CrawlRun(client, ledger, params, listener, clock).execute(seeds);
    }

    /**
     * The permalinks of seeds given as permalinks or profile URLs, without repeats, in order.
     *
     * @throws IllegalArgumentException naming the first seed that is neither
     */
    static List<String> permalinks(List<String> seeds) {
        Set<String> permalinks = new LinkedHashSet<>();
        for (String seed : seeds) {
            permalinks.add(permalink(seed));
        }
        return new ArrayList<>(permalinks);
    }

    private static String permalink(String seed) {
        String permalink = seed.strip();
        String lower = permalink.toLowerCase(Locale.ROOT);
        for (String prefix : List.of("https://", "http://")) {
            if (lower.startsWith(prefix)) {
                permalink = permalink.substring(prefix.length());
                lower = lower.substring(prefix.length());
            }
        }
        for (String host : List.of("www.soundcloud.com/", "m.soundcloud.com/", "soundcloud.com/")) {
            if (lower.startsWith(host)) {
                permalink = permalink.substring(host.length());
                break;
            }
        }
        int query = permalink.indexOf('?');
        if (query >= 0) {
            permalink = permalink.substring(0, query);
        }
        while (permalink.endsWith("/")) {
            permalink = permalink.substring(0, permalink.length() - 1);
        }
        if (permalink.isEmpty() || permalink.contains("/") || permalink.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(
                    "seed must be a SoundCloud permalink or profile URL (https://soundcloud.com/<permalink>), got '"
                            + seed + "'");
        }
        return permalink;
    }
}
