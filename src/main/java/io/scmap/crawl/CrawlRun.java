package io.scmap.crawl;

import io.scmap.crawl.CrawlLedger.AccountState;
import io.scmap.crawl.CrawlLedger.ScrapedAccount;
import io.scmap.crawl.CrawlLedger.SkippedAccount;
import io.scmap.crawl.CrawlSummary.Stop;
import io.scmap.source.Account;
import io.scmap.source.BlockedException;
import io.scmap.source.Interaction;
import io.scmap.source.InteractionType;
import io.scmap.source.SoundCloudClient;
import io.scmap.source.SourceException;
import io.scmap.source.Track;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One run of the crawl: the working state of {@link Crawler#run}, rebuilt from the ledger at the
 * start and discarded at the end. Steps: load the ledger, then repeatedly take the next seed (or,
 * when none is left, the best expansion candidate), scrape it and commit it in one ledger call.
 */
final class CrawlRun {
    private final SoundCloudClient client;
    private final CrawlLedger ledger;
    private final CrawlParams params;
    private final CrawlListener listener;
    private final Clock clock;
    private final Frontier frontier;
    private final InteractionFetcher fetcher;
    private final ArrayDeque<String> seeds = new ArrayDeque<>();
    private final Instant start;
    private final long requestsAtStart;
    private long requestMark;
    private long ledgerRequests;
    private int scraped;
    private int skipped;
    /** The last account scraped in this run, to tell a refused account from a refused crawler. */
    private long lastReadable = -1;
    /** Whether this run has written to the ledger; until then a failure leaves the ledger as it was. */
    private boolean written;
    /** The first seed's resolution, made before anything was written; used once. */
    private @Nullable Probe probed;

    private record Probe(String permalink, Optional<Account> account) {}

    /** An account to crawl: an expansion candidate, or a resolved seed with its profile. */
    private record Target(
            long id,
            String permalink,
            @Nullable Account profile,
            @Nullable String seed) {}

    @FunctionalInterface
    private interface LedgerWrite {
        void run() throws LedgerException;
    }

    CrawlRun(SoundCloudClient client, CrawlLedger ledger, CrawlParams params, CrawlListener listener, Clock clock) {
        this.client = client;
        this.ledger = ledger;
        this.params = params;
        this.listener = listener;
        this.clock = clock;
        this.frontier = new Frontier(params.weights(), params.score());
        this.fetcher = new InteractionFetcher(client, params);
        this.start = clock.instant();
        this.requestsAtStart = client.requestCount();
        this.requestMark = requestsAtStart;
    }

    CrawlSummary execute(List<String> givenSeeds) throws CrawlException {
        Stop stop;
        try {
            for (InteractionType type : fetcher.unavailable()) {
                listener.warning(
                        "this SoundCloud client cannot list " + type.name().toLowerCase(Locale.ROOT)
                                + "s: the crawl records none, which is not the same as there being none");
            }
            if (Thread.currentThread().isInterrupted() || (!givenSeeds.isEmpty() && !probe(givenSeeds.get(0)))) {
                return summary(Stop.INTERRUPTED);
            }
            write("the seeds", () -> ledger.addSeeds(givenSeeds));
            write("the expansion score", this::recordExpansionScore);
            load();
            stop = loop();
            write("the request count", () -> ledger.addRequests(takeRequests()));
        } catch (CrawlException e) {
            try {
                if (written) {
                    ledger.addRequests(takeRequests());
                }
            } catch (LedgerException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        } finally {
            fetcher.close();
        }
        return summary(stop);
    }

    /**
     * Records the rule this run ranks the frontier by, so that {@code status} ranks it the same way.
     * A run with another rule than the last one recorded uses its own, records it and says so; a run
     * that does not expand leaves the record alone.
     */
    private void recordExpansionScore() throws LedgerException {
        ExpansionScore recorded = ledger.expansionScore();
        if (!params.expand() || recorded == params.score()) {
            return;
        }
        if (recorded != null) {
            listener.warning("earlier runs ranked the frontier by the " + recorded.code() + " score; from this run"
                    + " on it is ranked, and shown by status, by the "
                    + params.score().code() + " score");
        }
        ledger.recordExpansionScore(params.score());
    }

    /**
     * Resolves the first given seed before anything is written, so that a crawl that cannot reach
     * SoundCloud at all (a wrong base URL, no network, blocked) fails with the ledger untouched. The
     * answer is kept for {@link #crawlSeed}, which would otherwise ask again. False when interrupted.
     */
    private boolean probe(String permalink) throws CrawlException {
        try {
            probed = new Probe(permalink, client.resolve(permalink));
            return true;
        } catch (SourceException e) {
            if (e.status() == 404) {
                probed = new Probe(permalink, Optional.empty());
                return true;
            }
            return stopFor(e, "resolving the seed " + permalink);
        }
    }

    private void load() throws CrawlException {
        try {
            seeds.addAll(ledger.pendingSeeds());
            ledger.replayAccounts(frontier::replay);
            ledgerRequests = ledger.requestCount();
        } catch (LedgerException e) {
            throw new CrawlException("could not load the crawl state: " + e.getMessage(), e, summary(Stop.FAILED));
        }
    }

    private Stop loop() throws CrawlException {
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                return Stop.INTERRUPTED;
            }
            if (params.maxAccounts() > 0 && frontier.done() >= params.maxAccounts()) {
                return Stop.MAX_ACCOUNTS;
            }
            boolean finished;
            String seed = seeds.poll();
            if (seed != null) {
                finished = crawlSeed(seed);
            } else if (params.expand() && frontier.size() > 0) {
                int best = frontier.pollBest();
                Target target = new Target(frontier.id(best), frontier.permalink(best), null, null);
                listener.accountStarted(target.permalink(), progress());
                finished = crawlAccount(target, clock.instant());
            } else {
                return Stop.EXHAUSTED;
            }
            if (!finished) {
                return Stop.INTERRUPTED;
            }
        }
    }

    /** Resolves a seed and crawls its account; false when interrupted before anything was recorded. */
    private boolean crawlSeed(String permalink) throws CrawlException {
        listener.accountStarted(permalink, progress());
        Instant started = clock.instant();
        Optional<Account> resolved;
        Probe probe = probed;
        probed = null;
        try {
            resolved =
                    probe != null && probe.permalink().equals(permalink) ? probe.account() : client.resolve(permalink);
        } catch (SourceException e) {
            if (e.status() != 404) {
                return stopFor(e, "resolving the seed " + permalink);
            }
            resolved = Optional.empty();
        }
        if (resolved.isEmpty()) {
            write(
                    "the seed " + permalink,
                    () -> ledger.skipSeed(permalink, SkipReason.NOT_FOUND, clock.instant(), takeRequests()));
            skipped++;
            listener.warning("seed '" + permalink + "' was not found on SoundCloud (404); skipped");
            listener.accountSkipped(permalink, SkipReason.NOT_FOUND, progress());
            return true;
        }
        Account account = resolved.get();
        AccountState state = frontier.state(account.id());
        if (state == AccountState.DONE || state == AccountState.SKIPPED) {
            write("the seed " + permalink, () -> ledger.resolveSeed(permalink, account.id(), clock.instant()));
            return true;
        }
        return crawlAccount(new Target(account.id(), permalink, account, permalink), started);
    }

    /** Scrapes one account and records it; false when interrupted before anything was recorded. */
    private boolean crawlAccount(Target target, Instant started) throws CrawlException {
        Account profile = target.profile();
        String doing = "fetching the profile of " + describe(target);
        try {
            if (profile == null) {
                profile = client.profile(target.id()).orElse(null);
            }
            if (profile == null) {
                return skip(target, null, SkipReason.NOT_FOUND, started);
            }
            checkSameAccount(target, profile);
            if (target.seed() == null && params.maxFollowers() > 0 && profile.followers() > params.maxFollowers()) {
                return skip(target, profile, SkipReason.OVER_FOLLOWER_CAP, started);
            }
            doing = "fetching the tracks of " + describe(target);
            List<Track> tracks = client.tracks(target.id(), params.maxTracks());
            if (tracks.isEmpty()) {
                return skip(target, profile, SkipReason.NO_TRACKS, started);
            }
            LocalDate emerge = EmergeDates.of(tracks.subList(0, Math.min(tracks.size(), params.maxTracks())));
            doing = "fetching the interactions of " + describe(target);
            List<Interaction> interactions = newest(fetcher.fetch(target.id()));
            return commit(target, profile, emerge, interactions, started);
        } catch (InteractionFetcher.FetchFailure failure) {
            doing = "fetching the " + failure.type().name().toLowerCase(Locale.ROOT) + "s of " + describe(target);
            return failed(failure.source(), target, profile, started, doing);
        } catch (SourceException e) {
            return failed(e, target, profile, started, doing);
        }
    }

    private boolean failed(SourceException e, Target target, @Nullable Account profile, Instant started, String doing)
            throws CrawlException {
        if (e.status() == 404) {
            return skip(target, profile, SkipReason.NOT_FOUND, started);
        }
        if (refusedOnlyThis(e, target)) {
            listener.warning("SoundCloud refused access to " + describe(target) + " (HTTP " + e.status()
                    + ") while other accounts stay readable; skipped as private");
            return skip(target, profile, SkipReason.PRIVATE, started);
        }
        return stopFor(e, doing);
    }

    /**
     * Whether a 401/403 (not bot protection: that is a {@link BlockedException})
     * concerns this account only: the client already renewed its credentials and asked again, so
     * one more read of an account that was readable in this run tells a private or restricted
     * account (the read works) from a crawler that lost access (it fails too, and the crawl stops).
     */
    private boolean refusedOnlyThis(SourceException e, Target target) {
        boolean refused = (e.status() == 401 || e.status() == 403) && !(e instanceof BlockedException);
        if (!refused || lastReadable < 0 || lastReadable == target.id() || interruptedBy(e)) {
            return false;
        }
        try {
            return client.profile(lastReadable).isPresent();
        } catch (SourceException probe) {
            e.addSuppressed(probe);
            return false;
        }
    }

    /** The newest {@code perType} interactions of each type, dropping repeats of a natural key. */
    private List<Interaction> newest(List<List<Interaction>> lists) {
        List<Interaction> into = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (List<Interaction> newest : lists) {
            for (Interaction interaction : newest.subList(0, Math.min(newest.size(), params.perType()))) {
                if (keys.add(interaction.type().name() + ' ' + interaction.objectUrn())) {
                    into.add(interaction);
                }
            }
        }
        return into;
    }

    private boolean commit(
            Target target, Account profile, LocalDate emerge, List<Interaction> interactions, Instant started)
            throws CrawlException {
        ScrapedAccount record = new ScrapedAccount(
                profile, emerge, interactions, target.seed(), started, clock.instant(), takeRequests());
        write("the account " + describe(target), () -> ledger.commit(record));
        // Same order as the ledger sees accounts first: the scraped account, then targets in order.
        frontier.finish(profile.id(), profile.permalink(), AccountState.DONE);
        for (Interaction interaction : interactions) {
            Account met = interaction.target();
            frontier.addInteraction(met.id(), met.permalink(), met.followers(), interaction.type());
        }
        scraped++;
        lastReadable = profile.id();
        listener.accountScraped(profile, interactions.size(), progress());
        return true;
    }

    private boolean skip(Target target, @Nullable Account profile, SkipReason reason, Instant started)
            throws CrawlException {
        SkippedAccount record = new SkippedAccount(
                target.id(), profile, reason, target.seed(), started, clock.instant(), takeRequests());
        write("the account " + describe(target), () -> ledger.skip(record));
        frontier.finish(target.id(), profile == null ? target.permalink() : profile.permalink(), AccountState.SKIPPED);
        skipped++;
        listener.accountSkipped(target.permalink(), reason, progress());
        return true;
    }

    private void checkSameAccount(Target target, Account profile) throws CrawlException {
        if (profile.id() != target.id()) {
            throw new CrawlException(
                    "SoundCloud returned user " + profile.id() + " for " + describe(target),
                    new IllegalStateException("profile id mismatch"),
                    summary(Stop.FAILED));
        }
    }

    /**
     * Decides what a failed call means: an interrupt ends the run quietly (returns false, nothing of
     * the account recorded); anything else stops the crawl with context.
     */
    private boolean stopFor(SourceException e, String doing) throws CrawlException {
        if (interruptedBy(e)) {
            return false;
        }
        throw new CrawlException("crawl stopped while " + doing + ": " + e.getMessage(), e, summary(Stop.FAILED));
    }

    private static boolean interruptedBy(SourceException e) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            boolean interrupt = t instanceof InterruptedException
                    || t instanceof ClosedByInterruptException
                    || (t instanceof InterruptedIOException && !(t instanceof SocketTimeoutException));
            if (interrupt) {
                Thread.currentThread().interrupt(); // the client swallowed it; restore for our caller
                return true;
            }
        }
        return false;
    }

    private void write(String what, LedgerWrite write) throws CrawlException {
        try {
            written = true;
            write.run();
        } catch (LedgerException e) {
            throw new CrawlException(
                    "crawl stopped: could not record " + what + ": " + e.getMessage(), e, summary(Stop.FAILED));
        }
    }

    /** Requests made since the last call, to be recorded with the next write. */
    private long takeRequests() {
        long now = client.requestCount();
        long taken = now - requestMark;
        requestMark = now;
        return taken;
    }

    private static String describe(Target target) {
        return target.permalink() + " (user " + target.id() + ")";
    }

    private CrawlProgress progress() {
        return new CrawlProgress(
                frontier.done(),
                frontier.skipped(),
                frontier.size(),
                seeds.size(),
                ledgerRequests + client.requestCount() - requestsAtStart);
    }

    private CrawlSummary summary(Stop stop) {
        return new CrawlSummary(
                scraped,
                skipped,
                frontier.done(),
                frontier.size(),
                client.requestCount() - requestsAtStart,
                Duration.between(start, clock.instant()),
                stop);
    }
}
