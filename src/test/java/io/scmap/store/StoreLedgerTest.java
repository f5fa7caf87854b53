package io.scmap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scmap.crawl.CrawlException;
import io.scmap.crawl.CrawlLedger.AccountState;
import io.scmap.crawl.CrawlLedger.ScrapedAccount;
import io.scmap.crawl.CrawlLedger.SkippedAccount;
import io.scmap.crawl.CrawlListener;
import io.scmap.crawl.CrawlParams;
import io.scmap.crawl.Crawler;
import io.scmap.crawl.ExpansionScore;
import io.scmap.crawl.FakeSoundCloud;
import io.scmap.crawl.InteractionWeights;
import io.scmap.crawl.PlantedGraph;
import io.scmap.crawl.SkipReason;
import io.scmap.source.Account;
import io.scmap.source.Interaction;
import io.scmap.source.InteractionType;
import io.scmap.source.SourceException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreLedgerTest {
    private static final Instant T = Instant.parse("2025-06-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static void crawl(FakeSoundCloud sc, Path file, CrawlParams params) throws Exception {
        try (Store store = Store.open(file, CLOCK)) {
            new Crawler(sc, store, params, CrawlListener.SILENT, CLOCK).run(PlantedGraph.SEEDS);
        }
    }

    /** All rows of all tables except the request count, which a crash legitimately raises. */
    private static List<String> rows(Path file) throws Exception {
        return Sqlite.dump(file).stream()
                .filter(row -> !row.startsWith("meta: requests"))
                .toList();
    }

    @Test
    void recordsAPlantedCrawl() throws Exception {
        Path file = dir.resolve("x.db");
        FakeSoundCloud sc = PlantedGraph.build();
        crawl(sc, file, CrawlParams.DEFAULTS);

        assertThat(Sqlite.query(
                        file,
                        "SELECT a.permalink || ' ' || c.state || COALESCE(':' || c.reason, '')"
                                + " FROM crawl_state c JOIN accounts a ON a.id = c.account_id ORDER BY c.crawl_order"))
                .containsExactlyElementsOf(PlantedGraph.CRAWL_ORDER);
        assertThat(Sqlite.query(file, "SELECT permalink FROM accounts ORDER BY first_seen"))
                .containsExactly("alice", "carol", "dave", "erin", "frank", "bob", "gina", "hank", "ivan");
        assertThat(Sqlite.query(file, "SELECT first_seen FROM accounts ORDER BY first_seen"))
                .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8");
        assertThat(Sqlite.query(
                        file,
                        "SELECT permalink || ' ' || COALESCE(account_id, '-') || ' '"
                                + " || COALESCE(reason, '-') FROM seeds ORDER BY seed_order"))
                .containsExactly("alice 11 -", "ghost - not_found", "bob 12 -");
        assertThat(Sqlite.query(file, "SELECT emerge_date FROM accounts WHERE id = 11"))
                .containsExactly("2015-10-07");
        assertThat(Sqlite.query(
                        file, "SELECT followers || ' ' || COALESCE(emerge_date, '-') FROM accounts WHERE id = 70"))
                .containsExactly("700 -");
        assertThat(Sqlite.query(file, "SELECT count(*) FROM interactions")).containsExactly("16");
        assertThat(Sqlite.query(file, "SELECT value FROM meta WHERE key = 'requests'"))
                .containsExactly(String.valueOf(sc.requestCount()));
    }

    @Test
    void resumesAfterAFailureOnAnyCallToTheSameTablesAsAnUninterruptedCrawl() throws Exception {
        Path reference = dir.resolve("reference.db");
        FakeSoundCloud full = PlantedGraph.build();
        crawl(full, reference, CrawlParams.DEFAULTS);
        List<String> expected = rows(reference);
        int calls = full.calls().size();

        for (int n = 1; n <= calls; n++) {
            Path file = dir.resolve("crash-" + n + ".db");
            FakeSoundCloud sc = PlantedGraph.build();
            sc.failOnCall(n, new SourceException("connection reset", 0, URI.create("https://x.test/"), null));
            assertThatThrownBy(() -> crawl(sc, file, CrawlParams.DEFAULTS)).isInstanceOf(CrawlException.class);
            sc.clearFaults();
            crawl(sc, file, CrawlParams.DEFAULTS);

            assertThat(rows(file)).as("failure on call %d", n).isEqualTo(expected);
        }
    }

    @Test
    void resumesAfterAnInterruptToTheSameTables() throws Exception {
        Path reference = dir.resolve("reference.db");
        crawl(PlantedGraph.build(), reference, CrawlParams.DEFAULTS);
        Path file = dir.resolve("x.db");
        FakeSoundCloud sc = PlantedGraph.build();
        sc.interruptOnCall(20);

        crawl(sc, file, CrawlParams.DEFAULTS);
        assertThat(Thread.interrupted()).isTrue();
        sc.clearFaults();
        crawl(sc, file, CrawlParams.DEFAULTS);

        assertThat(rows(file)).isEqualTo(rows(reference));
    }

    @Test
    void rollsBackTheWholeAccountWhenAnyPartOfItsCommitFails() throws Exception {
        Path file = dir.resolve("x.db");
        Store.open(file, CLOCK).close();
        Sqlite.execute(file, "CREATE TRIGGER fail BEFORE INSERT ON crawl_state BEGIN SELECT RAISE(ABORT, 'boom'); END");
        List<String> before = Sqlite.dump(file);

        try (Store store = Store.open(file, CLOCK)) {
            assertThatThrownBy(() -> store.commit(scraped(account(1, "a"), like(account(2, "b"), "t:1"))))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("could not record the account a (user 1) in " + file)
                    .hasMessageContaining("boom");
        }
        assertThat(Sqlite.dump(file)).isEqualTo(before);
    }

    @Test
    void keepsTheFirstOfRepeatedInteractionsAndIgnoresASecondCommit() throws Exception {
        try (Store store = Store.open(dir.resolve("x.db"), CLOCK)) {
            Account b = account(2, "b");
            ScrapedAccount a = scraped(account(1, "a"), like(b, "t:1"), like(b, "t:1"), like(account(3, "c"), "t:2"));
            store.commit(a);
            store.commit(a);
            store.skip(new SkippedAccount(1, null, SkipReason.NOT_FOUND, null, T, T, 0));

            assertThat(store.interactionCount()).isEqualTo(2);
            assertThat(store.scrapedAccounts())
                    .extracting(StoredAccount::permalink)
                    .containsExactly("a");
            assertThat(store.encounteredAccounts())
                    .extracting(StoredAccount::permalink)
                    .containsExactly("a", "b", "c");
            assertThat(store.interactedAccounts())
                    .extracting(StoredAccount::permalink)
                    .containsExactly("b", "c");
        }
    }

    @Test
    void replaysAccountsWithStatesAndIncomingCounts() throws Exception {
        try (Store store = Store.open(dir.resolve("x.db"), CLOCK)) {
            Account b = account(2, "b");
            store.commit(scraped(account(1, "a"), like(b, "t:1"), follow(b), like(account(3, "c"), "t:2")));
            store.skip(new SkippedAccount(3, null, SkipReason.NO_TRACKS, null, T, T, 0));
            List<String> replay = new ArrayList<>();
            store.replayAccounts((id, permalink, followers, state, counts) -> replay.add(permalink + " " + followers
                    + " " + state + " " + List.of(counts[0], counts[1], counts[2], counts[3])));

            assertThat(replay)
                    .containsExactly("a 10 DONE [0, 0, 0, 0]", "b 20 OPEN [1, 0, 0, 1]", "c 30 SKIPPED [1, 0, 0, 0]");
            assertThat(AccountState.values()).hasSize(3);
        }
    }

    @Test
    void refusesToSkipAnUnknownAccountWithoutAProfile() throws Exception {
        try (Store store = Store.open(dir.resolve("x.db"), CLOCK)) {
            assertThatThrownBy(() -> store.skip(new SkippedAccount(9, null, SkipReason.NOT_FOUND, null, T, T, 0)))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("cannot skip user 9");
        }
    }

    @Test
    void reportsStatusWithTheFrontierInTheCrawlersOrder() throws Exception {
        Path file = dir.resolve("x.db");
        crawl(PlantedGraph.build(), file, CrawlParams.DEFAULTS.withMaxAccounts(3));

        try (Store store = Store.openReadOnly(file)) {
            StoreStatus status = store.status(10, InteractionWeights.DEFAULTS);

            assertThat(status.scraped()).isEqualTo(3);
            assertThat(status.skipped()).isZero();
            assertThat(status.accounts()).isEqualTo(9);
            assertThat(status.open()).isEqualTo(6);
            assertThat(status.skippedByReason()).containsExactly(java.util.Map.entry("not_found", 1));
            assertThat(status.interactions()).isEqualTo(13);
            assertThat(status.requests()).isEqualTo(19); // 6 alice, 1 ghost, 6 bob, 6 erin
            assertThat(status.seeds()).extracting(StoreStatus.Seed::pending).containsExactly(false, false, false);
            // After alice, bob, erin: frank 6, carol 5, dave 5 (tie: carol seen first), hank 3, gina 1, ivan 1.
            assertThat(status.frontierHead())
                    .extracting(c -> c.permalink() + " " + c.score())
                    .containsExactly("frank 6.0", "carol 5.0", "dave 5.0", "hank 3.0", "gina 1.0", "ivan 1.0");
        }
        try (Store store = Store.open(file, CLOCK)) {
            new Crawler(PlantedGraph.build(), store, CrawlParams.DEFAULTS.withMaxAccounts(4), CrawlListener.SILENT)
                    .run(List.of());
            assertThat(store.status(1, InteractionWeights.DEFAULTS).frontierHead())
                    .extracting(StoreStatus.Candidate::permalink)
                    .containsExactly("hank");
        }
    }

    /** The permalinks of crawled (done or skipped) accounts in crawl order. */
    private static List<String> crawlOrder(Path file) throws Exception {
        return Sqlite.query(
                file,
                "SELECT a.permalink FROM crawl_state c JOIN accounts a ON a.id = c.account_id ORDER BY c.crawl_order");
    }

    @Test
    void ranksTheFrontierHeadByTheRuleTheCrawlRecordedAsTheCrawlTakesIt() throws Exception {
        Path file = dir.resolve("x.db");
        CrawlParams discounted = CrawlParams.DEFAULTS.withScore(ExpansionScore.DISCOUNTED);
        crawl(PlantedGraph.build(1_000_000), file, discounted.withMaxAccounts(2));
        try (Store store = Store.openReadOnly(file)) {
            StoreStatus status = store.status(10, InteractionWeights.DEFAULTS);
            assertThat(status.expansionScore()).isEqualTo(ExpansionScore.DISCOUNTED);
            assertThat(status.rankedBy()).isEqualTo(ExpansionScore.DISCOUNTED);
            assertThat(status.frontierHead().get(0).permalink())
                    .as("erin leads by the weighted score but is mainstream")
                    .isNotEqualTo("erin");
            assertThat(status.frontierHead())
                    .extracting(StoreStatus.Candidate::score)
                    .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        }
        for (int scraped = 3; scraped <= 6; scraped++) {
            String head;
            try (Store store = Store.openReadOnly(file)) {
                head = store.status(1, InteractionWeights.DEFAULTS)
                        .frontierHead()
                        .get(0)
                        .permalink();
            }
            int before = crawlOrder(file).size();
            crawl(PlantedGraph.build(1_000_000), file, discounted.withMaxAccounts(scraped));
            assertThat(crawlOrder(file).get(before)).as("next after " + before).isEqualTo(head);
        }
    }

    @Test
    void ranksByTheWeightedScoreWhereNoRuleIsRecorded() throws Exception {
        Path file = dir.resolve("x.db");
        crawl(PlantedGraph.build(1_000_000), file, CrawlParams.DEFAULTS.withMaxAccounts(2));
        try (Store store = Store.openReadOnly(file)) {
            assertThat(store.status().expansionScore()).isEqualTo(ExpansionScore.WEIGHTED);
        }
        Sqlite.execute(file, "DELETE FROM meta WHERE key = 'expansion_score'");
        try (Store store = Store.openReadOnly(file)) {
            StoreStatus status = store.status();
            assertThat(status.expansionScore()).isNull();
            assertThat(status.rankedBy()).isEqualTo(ExpansionScore.WEIGHTED);
            assertThat(status.frontierHead().get(0).permalink()).isEqualTo("erin");
        }
    }

    @Test
    void letsAReaderWatchWhileTheCrawlerWrites() throws Exception {
        Path file = dir.resolve("x.db");
        try (Store writer = Store.open(file, CLOCK)) {
            writer.addSeeds(List.of("alice"));
            try (Store reader = Store.openReadOnly(file)) {
                assertThat(reader.status().seeds()).hasSize(1);
                writer.commit(scraped(account(1, "alice"), like(account(2, "b"), "t:1")));
                assertThat(reader.status().scraped()).isEqualTo(1);
            }
        }
    }

    @Test
    void streamsInteractionsWithTheirTypes() throws Exception {
        try (Store store = Store.open(dir.resolve("x.db"), CLOCK)) {
            Account b = account(2, "b");
            store.commit(scraped(
                    account(1, "a"),
                    like(b, "t:1"),
                    new Interaction(InteractionType.COMMENT, b, "c:1", null),
                    new Interaction(InteractionType.REPOST, b, "t:1", null),
                    follow(b)));
            List<String> seen = new ArrayList<>();
            store.forEachInteraction((source, target, type) -> seen.add(source + ">" + target + " " + type));

            assertThat(seen).containsExactlyInAnyOrder("1>2 LIKE", "1>2 COMMENT", "1>2 REPOST", "1>2 FOLLOW");
        }
    }

    static Account account(long id, String permalink) {
        return new Account(
                id, "soundcloud:users:" + id, permalink, permalink.toUpperCase(java.util.Locale.ROOT), 10 * id, 1);
    }

    static Interaction like(Account target, String urn) {
        return new Interaction(InteractionType.LIKE, target, urn, T);
    }

    static Interaction follow(Account target) {
        return new Interaction(InteractionType.FOLLOW, target, target.urn(), null);
    }

    static ScrapedAccount scraped(Account profile, Interaction... interactions) {
        return new ScrapedAccount(profile, LocalDate.parse("2020-01-01"), List.of(interactions), null, T, T, 6);
    }
}
