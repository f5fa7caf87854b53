package io.scmap.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import io.scmap.sim.SimParams;
import io.scmap.sim.SimulatedSoundCloud;
import io.scmap.source.SoundCloud;
import io.scmap.source.SoundCloudClient;
import io.scmap.source.WebApiConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A crawl of a simulated SoundCloud whose private artists answer 403 for their lists, through the real
 * web client: they are skipped as private, everyone else is crawled, and the crawl runs to the end.
 */
class PrivateAccountsTest {
    private static final SimParams HIDING = SimParams.DEFAULTS
            .withArtists(60)
            .withScenes(2)
            .withSeed(11)
            .withMedianActivity(60)
            .withPrivateShare(0.2);

    @Test
    void privateArtistsAreSkippedAsPrivateAndTheCrawlCompletes() throws IOException, CrawlException {
        MemoryLedger ledger = new MemoryLedger();
        List<String> warnings = new ArrayList<>();
        CrawlListener listener = new CrawlListener() {
            @Override
            public void warning(String message) {
                warnings.add(message);
            }
        };
        CrawlSummary summary;
        Set<String> planted;
        try (SimulatedSoundCloud sim = SimulatedSoundCloud.start(HIDING, 0);
                SoundCloudClient client = SoundCloud.webApi(WebApiConfig.DEFAULTS
                        .withApiBase(sim.baseUrl())
                        .withWebBase(sim.baseUrl())
                        .withRate(WebApiConfig.UNLIMITED_RATE)
                        .withInitialBackoff(Duration.ofMillis(10)))) {
            planted = new TreeSet<>(sim.privatePermalinks());
            summary = new Crawler(
                            client, ledger, CrawlParams.DEFAULTS.withPerType(40).withParallelFetches(4), listener)
                    .run(sim.seedPermalinks(2));
        }

        assertThat(summary.stop()).isEqualTo(CrawlSummary.Stop.EXHAUSTED);
        assertThat(summary.frontier()).isZero();
        Set<String> skippedPrivate = new TreeSet<>();
        Set<String> reachedPlanted = new TreeSet<>();
        ledger.states.forEach((id, state) -> {
            String permalink = ledger.accounts.get(id).permalink();
            if (state.equals("skipped:private")) {
                skippedPrivate.add(permalink);
            }
            if (planted.contains(permalink)) {
                reachedPlanted.add(permalink);
            }
        });
        assertThat(skippedPrivate).as("some private artists were reached").hasSizeGreaterThan(3);
        assertThat(skippedPrivate).as("exactly the private artists reached").isEqualTo(reachedPlanted);
        assertThat(summary.scraped()).isGreaterThan(30);
        assertThat(warnings.stream().filter(w -> w.endsWith("skipped as private")))
                .hasSize(skippedPrivate.size());
    }
}
