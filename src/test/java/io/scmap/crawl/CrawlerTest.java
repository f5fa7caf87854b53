package io.scmap.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scmap.source.Account;
import io.scmap.source.InteractionType;
import io.scmap.source.SourceException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CrawlerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T10:00:00Z"), ZoneOffset.UTC);

    private final List<String> events = new ArrayList<>();
    private final CrawlListener recorder = new CrawlListener() {
        @Override
        public void accountScraped(Account account, int interactions, CrawlProgress progress) {
            events.add("scraped " + account.permalink() + " " + interactions);
        }

        @Override
        public void accountSkipped(String permalink, SkipReason reason, CrawlProgress progress) {
            events.add("skipped " + permalink + " " + reason.code());
        }

        @Override
        public void warning(String message) {
            events.add("warning " + message);
        }
    };

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    private static CrawlSummary crawl(FakeSoundCloud sc, MemoryLedger ledger, CrawlParams params, CrawlListener l)
            throws CrawlException {
        return new Crawler(sc, ledger, params, l, CLOCK).run(PlantedGraph.SEEDS);
    }

    private static MemoryLedger uninterrupted() throws CrawlException {
        MemoryLedger ledger = new MemoryLedger();
        crawl(PlantedGraph.build(), ledger, CrawlParams.DEFAULTS, CrawlListener.SILENT);
        return ledger;
    }

    @Test
    void crawlsSeedsInOrderThenExpandsByScoreBreakingTiesByFirstSeen() throws CrawlException {
        MemoryLedger ledger = new MemoryLedger();
        CrawlSummary summary = crawl(PlantedGraph.build(), ledger, CrawlParams.DEFAULTS, recorder);

        assertThat(ledger.crawlOrder()).containsExactlyElementsOf(PlantedGraph.CRAWL_ORDER);
        assertThat(summary.stop()).isEqualTo(CrawlSummary.Stop.EXHAUSTED);
        assertThat(summary.scraped()).isEqualTo(7);
        assertThat(summary.skipped()).isEqualTo(3);
        assertThat(summary.frontier()).isZero();
        assertThat(events)
                .startsWith(
                        "scraped alice 7",
                        "warning seed 'ghost' was not found on SoundCloud (404); skipped",
                        "skipped ghost not_found",
                        "scraped bob 4",
                        "scraped erin 2");
    }

    @Test
    void recordsSkipReasonsAndKeepsTheProfileOfAnAccountWithoutTracks() throws CrawlException {
        MemoryLedger ledger = uninterrupted();

        assertThat(ledger.seeds).containsEntry("ghost", "skipped:not_found").containsEntry("alice", "resolved:11");
        assertThat(ledger.states).containsEntry(60L, "skipped:not_found").containsEntry(70L, "skipped:no_tracks");
        assertThat(ledger.accounts.get(70L).followers()).isEqualTo(700);
        assertThat(ledger.emergeDates).doesNotContainKeys(60L, 70L);
    }

    @Test
    void neverAsksForATypeTheClientCannotListAndSaysSo() throws CrawlException {
        FakeSoundCloud sc = PlantedGraph.build();
        sc.supportOnly(java.util.EnumSet.of(InteractionType.LIKE, InteractionType.REPOST, InteractionType.FOLLOW));
        MemoryLedger ledger = new MemoryLedger();
        crawl(sc, ledger, CrawlParams.DEFAULTS.withParallelFetches(3), recorder);

        assertThat(sc.calls()).noneMatch(call -> call.startsWith("comments"));
        assertThat(sc.calls()).anyMatch(call -> call.startsWith("likes"));
        assertThat(events)
                .contains(
                        "warning this SoundCloud client cannot list comments: the crawl records none, which is not the"
                                + " same as there being none");
    }

    @Test
    void parallelFetchesRecordExactlyWhatSequentialFetchesRecord() throws CrawlException {
        MemoryLedger parallel = new MemoryLedger();
        crawl(PlantedGraph.build(), parallel, CrawlParams.DEFAULTS.withParallelFetches(4), CrawlListener.SILENT);
        assertThat(parallel.snapshot()).isEqualTo(uninterrupted().snapshot());
    }

    @Test
    void recordsAccountsInFirstSeenOrder() throws CrawlException {
        MemoryLedger ledger = uninterrupted();

        assertThat(ledger.accounts.values().stream().map(Account::permalink))
                .containsExactly("alice", "carol", "dave", "erin", "frank", "bob", "gina", "hank", "ivan");
    }

    @Test
    void stopsAtMaxAccountsCountingEarlierRunsAndContinuesWithAHigherLimit() throws CrawlException {
        FakeSoundCloud sc = PlantedGraph.build();
        MemoryLedger ledger = new MemoryLedger();

        CrawlSummary first = crawl(sc, ledger, CrawlParams.DEFAULTS.withMaxAccounts(3), CrawlListener.SILENT);
        assertThat(first.stop()).isEqualTo(CrawlSummary.Stop.MAX_ACCOUNTS);
        assertThat(ledger.crawlOrder()).containsExactly("alice done", "bob done", "erin done");

        CrawlSummary second = crawl(sc, ledger, CrawlParams.DEFAULTS.withMaxAccounts(5), CrawlListener.SILENT);
        assertThat(second.scraped()).isEqualTo(2);
        assertThat(second.scrapedTotal()).isEqualTo(5);
        assertThat(ledger.crawlOrder()).containsExactlyElementsOf(PlantedGraph.CRAWL_ORDER.subList(0, 6));
    }

    @Test
    void crawlsOnlyTheSeedsWithoutExpansion() throws CrawlException {
        MemoryLedger ledger = new MemoryLedger();
        CrawlSummary summary =
                crawl(PlantedGraph.build(), ledger, CrawlParams.DEFAULTS.withExpand(false), CrawlListener.SILENT);

        assertThat(ledger.crawlOrder()).containsExactly("alice done", "bob done");
        assertThat(summary.frontier()).isEqualTo(6); // carol dave erin frank gina hank
    }

    @Test
    void keepsAtMostPerTypeInteractionsEvenFromAClientThatReturnsMore() throws CrawlException {
        FakeSoundCloud sc = PlantedGraph.build();
        sc.ignoreMax();
        MemoryLedger ledger = new MemoryLedger();
        new Crawler(sc, ledger, CrawlParams.DEFAULTS.withPerType(1).withExpand(false), CrawlListener.SILENT, CLOCK)
                .run(List.of("alice"));

        assertThat(ledger.interactions.keySet())
                .containsExactly(
                        "11 LIKE soundcloud:tracks:401",
                        "11 COMMENT soundcloud:comments:9001",
                        "11 REPOST soundcloud:tracks:501",
                        "11 FOLLOW soundcloud:users:40");
        assertThat(sc.calls()).contains("likes 11 max 1", "follows 11 max 1");
    }

    @Test
    void asksForNoInteractionsWhenPerTypeIsZero() throws CrawlException {
        FakeSoundCloud sc = PlantedGraph.build();
        MemoryLedger ledger = new MemoryLedger();
        new Crawler(sc, ledger, CrawlParams.DEFAULTS.withPerType(0), CrawlListener.SILENT, CLOCK).run(List.of("alice"));

        assertThat(sc.calls()).containsExactly("resolve alice", "tracks 11 max 500");
        assertThat(ledger.crawlOrder()).containsExactly("alice done");
    }

    @Test
    void recordsTheEmergeDateOfEachScrapedAccount() throws CrawlException {
        MemoryLedger ledger = uninterrupted();

        // alice: uploads 2015-03-01T12:00 + 11 days = 2015-03-12T12:00 and 2019-01-01; 15% of the
        // 1390.5 days between them is 208.575 days after the first: 2015-10-07T01:48.
        assertThat(ledger.emergeDates.get(11L)).isEqualTo(LocalDate.parse("2015-10-07"));
    }

    @Test
    void skipsExpansionCandidatesOverTheFollowerCapButNeverSeeds() throws CrawlException {
        MemoryLedger ledger = new MemoryLedger();
        crawl(PlantedGraph.build(), ledger, CrawlParams.DEFAULTS.withMaxFollowers(150), CrawlListener.SILENT);

        assertThat(ledger.states).containsEntry(12L, "done").containsEntry(50L, "skipped:over_follower_cap");
        assertThat(ledger.states.values()).containsOnly("done", "skipped:over_follower_cap", "skipped:not_found");
    }

    @Test
    void resolvesASeedThatIsAlreadyCrawledWithoutCrawlingItAgain() throws CrawlException {
        FakeSoundCloud sc = PlantedGraph.build();
        MemoryLedger ledger = new MemoryLedger();
        crawl(sc, ledger, CrawlParams.DEFAULTS, CrawlListener.SILENT);
        List<String> before = ledger.crawlOrder();
        int calls = sc.calls().size();

        new Crawler(sc, ledger, CrawlParams.DEFAULTS, CrawlListener.SILENT, CLOCK)
                .run(List.of("https://soundcloud.com/carol/"));

        assertThat(ledger.seeds).containsEntry("carol", "resolved:40");
        assertThat(ledger.crawlOrder()).isEqualTo(before);
        assertThat(sc.calls().subList(calls, sc.calls().size())).containsExactly("resolve carol");
    }

    @Test
    void resumesAfterAFailureOnAnyCallToTheSameRecordsAsAnUninterruptedCrawl() throws CrawlException {
        List<String> expected = uninterrupted().snapshot();
        int totalCalls = callsOfUninterruptedCrawl();

        for (int n = 1; n <= totalCalls; n++) {
            FakeSoundCloud sc = PlantedGraph.build();
            sc.failOnCall(n, new SourceException("HTTP 503 after 5 retries", 503, URI.create("https://x.test/"), null));
            MemoryLedger ledger = new MemoryLedger();

            assertThatThrownBy(() -> crawl(sc, ledger, CrawlParams.DEFAULTS, CrawlListener.SILENT))
                    .isInstanceOf(CrawlException.class)
                    .hasMessageContaining("crawl stopped while")
                    .hasMessageContaining("HTTP 503 after 5 retries")
                    .hasCauseInstanceOf(SourceException.class);
            sc.clearFaults();
            crawl(sc, ledger, CrawlParams.DEFAULTS, CrawlListener.SILENT);

            assertThat(ledger.snapshot()).as("failure on call %d", n).isEqualTo(expected);
        }
    }

    @Test
    void aDiscountedCrawlResumesAfterAFailureOnAnyCallToTheSameRecords() throws CrawlException {
        CrawlParams discounted = CrawlParams.DEFAULTS.withScore(ExpansionScore.DISCOUNTED);
        MemoryLedger reference = new MemoryLedger();
        FakeSoundCloud clean = PlantedGraph.build(1_000_000); // erin (score 6, the weighted pick) is mainstream
        crawl(clean, reference, discounted, CrawlListener.SILENT);
        assertThat(reference.crawlOrder())
                .startsWith("alice done", "bob done", "carol done")
                .contains("erin done");

        for (int n = 1; n <= clean.calls().size(); n++) {
            FakeSoundCloud sc = PlantedGraph.build(1_000_000);
            sc.failOnCall(n, new SourceException("HTTP 503 after 5 retries", 503, URI.create("https://x.test/"), null));
            MemoryLedger ledger = new MemoryLedger();
            assertThatThrownBy(() -> crawl(sc, ledger, discounted, CrawlListener.SILENT))
                    .isInstanceOf(CrawlException.class);
            sc.clearFaults();
            crawl(sc, ledger, discounted, CrawlListener.SILENT);

            assertThat(ledger.snapshot()).as("failure on call %d", n).isEqualTo(reference.snapshot());
        }
    }

    @Test
    void skipsAnAccountThatRefusesAccessWhileOthersStayReadable() throws CrawlException {
        FakeSoundCloud sc = PlantedGraph.build();
        sc.refuse(50); // erin
        MemoryLedger ledger = new MemoryLedger();
        CrawlSummary summary = crawl(sc, ledger, CrawlParams.DEFAULTS, recorder);

        assertThat(summary.stop()).isEqualTo(CrawlSummary.Stop.EXHAUSTED);
        assertThat(ledger.states).containsEntry(50L, "skipped:private");
        assertThat(events)
                .contains("warning SoundCloud refused access to erin (user 50) (HTTP 403) while other accounts stay"
                        + " readable; skipped as private");
        assertThat(sc.calls()).contains("profile 12"); // the check that bob, scraped before, is still readable
    }

    @Test
    void stopsInsteadOfSkippingWhenEveryAccountIsRefused() {
        FakeSoundCloud sc = PlantedGraph.build();
        sc.refuseAllFromCall(13); // from bob's lists on: the crawler has lost access, no account is private
        MemoryLedger ledger = new MemoryLedger();

        assertThatThrownBy(() -> crawl(sc, ledger, CrawlParams.DEFAULTS, CrawlListener.SILENT))
                .isInstanceOf(CrawlException.class)
                .hasMessageContaining("HTTP 403 for everything");
        assertThat(ledger.states.values()).doesNotContain("skipped:private");
    }

    @Test
    void namesWhatItWasFetchingWhenSoundCloudBlocksIt() throws CrawlException {
        FakeSoundCloud sc = PlantedGraph.build();
        sc.failOnCall(3, new SourceException("blocked by bot protection", 403, URI.create("https://x.test/"), null));
        MemoryLedger ledger = new MemoryLedger();

        assertThatThrownBy(() -> crawl(sc, ledger, CrawlParams.DEFAULTS, CrawlListener.SILENT))
                .isInstanceOf(CrawlException.class)
                .hasMessage("crawl stopped while fetching the likes of alice (user 11): blocked by bot protection")
                .satisfies(e -> assertThat(((CrawlException) e).summary())
                        .extracting(CrawlSummary::stop)
                        .isEqualTo(CrawlSummary.Stop.FAILED));
        assertThat(ledger.states).isEmpty();
        assertThat(ledger.requests).isEqualTo(3);
    }

    @Test
    void stopsAfterTheCurrentAccountWhenInterrupted() throws CrawlException {
        List<String> expected = uninterrupted().snapshot();
        FakeSoundCloud sc = PlantedGraph.build();
        sc.interruptOnCall(9); // bob's tracks: bob is finished, then the crawl stops
        MemoryLedger ledger = new MemoryLedger();

        CrawlSummary summary = crawl(sc, ledger, CrawlParams.DEFAULTS, CrawlListener.SILENT);

        assertThat(summary.interrupted()).isTrue();
        assertThat(Thread.interrupted()).as("interrupt status kept").isTrue();
        assertThat(ledger.crawlOrder()).containsExactly("alice done", "bob done");
        sc.clearFaults();
        crawl(sc, ledger, CrawlParams.DEFAULTS, CrawlListener.SILENT);
        assertThat(ledger.snapshot()).isEqualTo(expected);
    }

    @Test
    void dropsTheCurrentAccountWhenAnInterruptAbortsACall() throws CrawlException {
        FakeSoundCloud sc = PlantedGraph.build();
        sc.failOnCall(
                4, new SourceException("interrupted", 0, null, new java.io.InterruptedIOException("interrupted")));
        MemoryLedger ledger = new MemoryLedger();

        CrawlSummary summary = crawl(sc, ledger, CrawlParams.DEFAULTS, CrawlListener.SILENT);

        assertThat(summary.interrupted()).isTrue();
        assertThat(Thread.interrupted()).isTrue();
        assertThat(ledger.states).isEmpty();
        assertThat(ledger.pendingSeeds()).containsExactly("alice", "ghost", "bob");
    }

    @Test
    void doesNotMistakeATimeoutForAnInterrupt() {
        FakeSoundCloud sc = PlantedGraph.build();
        sc.failOnCall(4, new SourceException("timed out", 0, null, new java.net.SocketTimeoutException("read")));

        assertThatThrownBy(() -> crawl(sc, new MemoryLedger(), CrawlParams.DEFAULTS, CrawlListener.SILENT))
                .isInstanceOf(CrawlException.class)
                .hasMessageContaining("timed out");
    }

    @Test
    void doesNothingWhenInterruptedBeforeStarting() throws CrawlException {
        FakeSoundCloud sc = PlantedGraph.build();
        Thread.currentThread().interrupt();

        CrawlSummary summary = crawl(sc, new MemoryLedger(), CrawlParams.DEFAULTS, CrawlListener.SILENT);

        assertThat(summary.interrupted()).isTrue();
        assertThat(sc.calls()).isEmpty();
    }

    @Test
    void stopsWithContextWhenTheLedgerCannotRecord() {
        MemoryLedger ledger = new MemoryLedger();
        ledger.failCommitsLeft = 1;

        assertThatThrownBy(() -> crawl(PlantedGraph.build(), ledger, CrawlParams.DEFAULTS, CrawlListener.SILENT))
                .isInstanceOf(CrawlException.class)
                .hasMessage("crawl stopped: could not record the account alice (user 11): disk full (test)")
                .hasCauseInstanceOf(LedgerException.class);
    }

    @Test
    void treatsA404WhileFetchingInteractionsAsNotFound() throws CrawlException {
        FakeSoundCloud sc = PlantedGraph.build();
        sc.failOnCall(5, new SourceException("HTTP 404", 404, URI.create("https://x.test/"), null));
        MemoryLedger ledger = new MemoryLedger();

        crawl(sc, ledger, CrawlParams.DEFAULTS.withExpand(false), CrawlListener.SILENT);

        assertThat(ledger.crawlOrder()).containsExactly("alice skipped:not_found", "bob done");
        assertThat(ledger.seeds).containsEntry("alice", "resolved:11");
    }

    @Test
    void acceptsPermalinksAndProfileUrlsAndRejectsOtherSeeds() {
        assertThat(Crawler.permalinks(List.of(
                        " alice ",
                        "https://soundcloud.com/bob/",
                        "soundcloud.com/carol?ref=x",
                        "HTTPS://M.SoundCloud.com/dave",
                        "alice")))
                .containsExactly("alice", "bob", "carol", "dave");
        assertThatThrownBy(() -> Crawler.permalinks(List.of("https://soundcloud.com/bob/sets/x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'https://soundcloud.com/bob/sets/x'");
        assertThatThrownBy(() -> Crawler.permalinks(List.of("  "))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reportsProgressWithTotals() throws CrawlException {
        List<CrawlProgress> progress = new ArrayList<>();
        crawl(PlantedGraph.build(), new MemoryLedger(), CrawlParams.DEFAULTS, new CrawlListener() {
            @Override
            public void accountScraped(Account account, int interactions, CrawlProgress p) {
                progress.add(p);
            }
        });

        // After alice: 1 scraped, carol dave erin frank open, ghost and bob waiting, 6 requests.
        assertThat(progress.get(0)).isEqualTo(new CrawlProgress(1, 0, 4, 2, 6));
        assertThat(progress.get(progress.size() - 1).scraped()).isEqualTo(7);
    }

    private static int callsOfUninterruptedCrawl() throws CrawlException {
        FakeSoundCloud sc = PlantedGraph.build();
        crawl(sc, new MemoryLedger(), CrawlParams.DEFAULTS, CrawlListener.SILENT);
        return sc.calls().size();
    }
}
