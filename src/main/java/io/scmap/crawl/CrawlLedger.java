package io.scmap.crawl;

import io.scmap.source.Account;
import io.scmap.source.Interaction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a crawl keeps its state: the persistence port the {@link Crawler} writes through and
 * resumes from, implemented by the store stage. Implementations need not be thread-safe.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li>Every write is atomic: it is recorded entirely or not at all.
 *   <li>Accounts are identified by SoundCloud user id. Each account is <em>first seen</em> when a
 *       write mentions it for the first time; within one {@link #commit} the scraped account comes
 *       first, then the interaction targets in list order. {@link #replayAccounts} reports accounts
 *       in that order, which breaks ties between equally scored expansion candidates.
 *   <li>Interactions are idempotent on their natural key (source id, type, object URN): recording
 *       one twice keeps the first.
 *   <li>An account is open (encountered, not yet crawled) until {@link #commit} marks it done or
 *       {@link #skip} marks it skipped; neither state changes afterwards.
 * </ul>
 */
public interface CrawlLedger {

    /** Where an account stands in the crawl. */
    enum AccountState {
        /** Encountered as an interaction target, not yet crawled. */
        OPEN,
        /** Scraped: profile, emerge date and interactions recorded. */
        DONE,
        /** Recorded as skipped, with a {@link SkipReason}. */
        SKIPPED
    }

    /** Receives the accounts of {@link #replayAccounts}, one call each, in first-seen order. */
    @FunctionalInterface
    interface AccountSink {
        /**
         * One account.
         *
         * @param followers its follower count as the ledger holds it (from its profile once read,
         *     else as first seen in an interaction), or -1 where SoundCloud did not say
         * @param countsByType how many recorded interactions target this account, by type in the
         *     order of {@link io.scmap.source.InteractionType#values()} (like, comment, repost,
         *     follow); the array is reused between calls
         */
        void account(long id, String permalink, long followers, AccountState state, int[] countsByType);
    }

    /**
     * A scraped account, committed as one transaction: its profile and emerge date, the accounts its
     * interactions target (added if new), the interactions themselves, its state {@code done}, the
     * seed it was resolved from (if any) and the requests spent.
     *
     * @param seed the seed permalink this account was resolved from, or null for an expansion
     */
    record ScrapedAccount(
            Account profile,
            LocalDate emergeDate,
            List<Interaction> interactions,
            @Nullable String seed,
            Instant startedAt,
            Instant finishedAt,
            long requests) {
        public ScrapedAccount {
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(emergeDate, "emergeDate");
            interactions = List.copyOf(interactions);
            Objects.requireNonNull(startedAt, "startedAt");
            Objects.requireNonNull(finishedAt, "finishedAt");
        }
    }

    /**
     * An account recorded as skipped, as one transaction.
     *
     * @param profile the profile where it was read (it replaces what was known), else null; an
     *     account without a profile must already be known to the ledger
     * @param seed the seed permalink this account was resolved from, or null for an expansion
     */
    record SkippedAccount(
            long id,
            @Nullable Account profile,
            SkipReason reason,
            @Nullable String seed,
            Instant startedAt,
            Instant finishedAt,
            long requests) {
        public SkippedAccount {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(startedAt, "startedAt");
            Objects.requireNonNull(finishedAt, "finishedAt");
            if (profile != null && profile.id() != id) {
                throw new IllegalArgumentException("profile id " + profile.id() + " differs from id " + id);
            }
        }
    }

    /** Appends the permalinks not yet present to the seed queue, keeping their order. */
    void addSeeds(List<String> permalinks) throws LedgerException;

    /** The seed permalinks neither resolved nor skipped yet, in queue order. */
    List<String> pendingSeeds() throws LedgerException;

    /** Reports every known account, in first-seen order, with its state and incoming interaction counts. */
    void replayAccounts(AccountSink sink) throws LedgerException;

    /** Requests made to SoundCloud over all runs, as recorded. */
    long requestCount() throws LedgerException;

    /** Records that a seed permalink resolved to an account that is already done or skipped. */
    void resolveSeed(String permalink, long accountId, Instant at) throws LedgerException;

    /** Records that a seed permalink could not be resolved, and the requests spent. */
    void skipSeed(String permalink, SkipReason reason, Instant at, long requests) throws LedgerException;

    /** Records a scraped account in one transaction; a second commit of the same account changes nothing. */
    void commit(ScrapedAccount account) throws LedgerException;

    /** Records a skipped account in one transaction; an account already done or skipped stays as it is. */
    void skip(SkippedAccount account) throws LedgerException;

    /** Adds to the recorded request count. */
    void addRequests(long requests) throws LedgerException;

    /**
     * The rule the crawl last ranked its expansion candidates by, as {@link #recordExpansionScore}
     * recorded it; null where none was recorded (nothing crawled yet, or a ledger from before the
     * rule was recorded).
     */
    @Nullable
    ExpansionScore expansionScore() throws LedgerException;

    /** Records the rule this crawl ranks its expansion candidates by, replacing any recorded before. */
    void recordExpansionScore(ExpansionScore score) throws LedgerException;
}
