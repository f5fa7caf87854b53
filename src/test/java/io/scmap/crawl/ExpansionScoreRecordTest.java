package io.scmap.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The crawl records the rule it ranks its frontier by, so that status can rank it the same way. */
class ExpansionScoreRecordTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T10:00:00Z"), ZoneOffset.UTC);

    private final List<String> warnings = new ArrayList<>();
    private final CrawlListener listener = new CrawlListener() {
        @Override
        public void warning(String message) {
            warnings.add(message);
        }
    };

    private void crawl(MemoryLedger ledger, CrawlParams params) throws CrawlException {
        new Crawler(PlantedGraph.build(), ledger, params, listener, CLOCK).run(PlantedGraph.SEEDS);
    }

    private List<String> scoreWarnings() {
        return warnings.stream().filter(w -> w.contains("ranked the frontier")).toList();
    }

    @Test
    void aCrawlRecordsItsRuleSilently() throws CrawlException {
        MemoryLedger ledger = new MemoryLedger();
        crawl(ledger, CrawlParams.DEFAULTS.withMaxAccounts(2));
        assertThat(ledger.expansionScore).isEqualTo(ExpansionScore.WEIGHTED);
        crawl(ledger, CrawlParams.DEFAULTS.withMaxAccounts(3));
        assertThat(ledger.expansionScore).isEqualTo(ExpansionScore.WEIGHTED);
        assertThat(scoreWarnings()).isEmpty();
    }

    @Test
    void aResumedCrawlWithAnotherRuleUsesItRecordsItAndSaysSoOnce() throws CrawlException {
        MemoryLedger ledger = new MemoryLedger();
        CrawlParams discounted = CrawlParams.DEFAULTS.withScore(ExpansionScore.DISCOUNTED);
        crawl(ledger, discounted.withMaxAccounts(2));
        crawl(ledger, CrawlParams.DEFAULTS.withMaxAccounts(4));

        assertThat(ledger.expansionScore).isEqualTo(ExpansionScore.WEIGHTED);
        assertThat(scoreWarnings())
                .containsExactly("earlier runs ranked the frontier by the discounted score; from this run on it is"
                        + " ranked, and shown by status, by the weighted score");
    }

    @Test
    void aCrawlThatDoesNotExpandLeavesTheRecordAlone() throws CrawlException {
        MemoryLedger ledger = new MemoryLedger();
        crawl(ledger, CrawlParams.DEFAULTS.withScore(ExpansionScore.DISCOUNTED).withMaxAccounts(1));
        crawl(ledger, CrawlParams.DEFAULTS.withExpand(false));
        assertThat(ledger.expansionScore).isEqualTo(ExpansionScore.DISCOUNTED);
        assertThat(scoreWarnings()).isEmpty();
    }

    @Test
    void rulesAreReadBackFromTheirCodes() {
        for (ExpansionScore rule : ExpansionScore.values()) {
            assertThat(ExpansionScore.fromCode(rule.code())).hasValue(rule);
        }
        assertThat(ExpansionScore.fromCode("WEIGHTED")).isEmpty();
        assertThat(ExpansionScore.fromCode("popular")).isEmpty();
    }
}
