package io.scmap.cli;

import io.scmap.crawl.CrawlException;
import io.scmap.crawl.CrawlParams;
import io.scmap.crawl.CrawlSummary;
import io.scmap.crawl.Crawler;
import io.scmap.sim.SimParams;
import io.scmap.sim.SimulatedSoundCloud;
import io.scmap.source.SoundCloud;
import io.scmap.source.SoundCloudClient;
import io.scmap.source.WebApiConfig;
import io.scmap.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code scmap bench-crawl}: the crawler's own speed against the simulated SoundCloud with the rate
 * limit off, so that its overhead (HTTP client, JSON, SQLite, frontier) is what is measured.
 */
@Command(
        name = "bench-crawl",
        mixinStandardHelpOptions = true,
        description = {
            "Benchmark the crawler against the simulated SoundCloud with no rate limit: accounts per minute,"
                    + " requests per second, peak heap and database size.",
            "The simulator runs in the same JVM and shares its cores, so the figures are a lower bound."
        })
final class BenchCommand extends Subcommand {
    @Mixin
    WorldOptions world = new WorldOptions();

    @Option(
            names = "--per-type",
            paramLabel = "N",
            defaultValue = "500",
            description = "Newest interactions per type and account (default: ${DEFAULT-VALUE}, as a real crawl).")
    int perType;

    @Option(
            names = "--parallel-fetches",
            paramLabel = "N",
            defaultValue = "1",
            description = "Lists of one account fetched at once, 1 to 4 (default: ${DEFAULT-VALUE}).")
    int parallelFetches;

    @Option(
            names = "--max-accounts",
            paramLabel = "N",
            defaultValue = "0",
            description = "Stop after N scraped accounts (default: 0, crawl the whole world).")
    int maxAccounts;

    @Override
    public Integer call() throws Exception {
        SimParams params;
        CrawlParams crawlParams;
        try {
            params = world.params();
            crawlParams = CrawlParams.DEFAULTS
                    .withPerType(perType)
                    .withParallelFetches(parallelFetches)
                    .withMaxAccounts(maxAccounts);
        } catch (IllegalArgumentException e) {
            throw new UsageException(String.valueOf(e.getMessage()));
        }
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("scmap-bench");
        Path db = dir.resolve("bench.db");
        CrawlSummary summary;
        try (SimulatedSoundCloud sim = SimulatedSoundCloud.start(params, 0);
                Store store = Store.open(db);
                SoundCloudClient client = SoundCloud.webApi(WebApiConfig.DEFAULTS
                        .withApiBase(sim.baseUrl())
                        .withWebBase(sim.baseUrl())
                        .withRate(WebApiConfig.UNLIMITED_RATE));
                CrawlBar bar = new CrawlBar(spec.commandLine().getErr(), 0, maxAccounts)) {
            resetPeaks();
            summary = new Crawler(client, store, crawlParams, bar).run(sim.seedPermalinks(10));
        } catch (IOException | CrawlException e) {
            throw new CommandFailedException("the benchmark failed: " + e.getMessage(), e);
        }
        double seconds = summary.elapsed().toMillis() / 1000.0;
        long dbBytes = Files.size(db);
        out.printf(
                Locale.ROOT,
                "world            %d artists, %d scenes, seed %d%n",
                params.artists(),
                params.scenes(),
                params.seed());
        out.printf(Locale.ROOT, "crawl            %s%n", crawlParams.toMap());
        out.printf(
                Locale.ROOT,
                "accounts         %d scraped, %d skipped in %.1f s%n",
                summary.scraped(),
                summary.skipped(),
                seconds);
        out.printf(
                Locale.ROOT,
                "accounts/minute  %.0f (scraped + skipped: %.0f)%n",
                summary.scraped() / seconds * 60,
                (summary.scraped() + summary.skipped()) / seconds * 60);
        out.printf(
                Locale.ROOT, "requests/second  %.0f (%d requests)%n", summary.requests() / seconds, summary.requests());
        out.printf(
                Locale.ROOT,
                "peak heap        %.0f MiB (sum of the heap pools' peaks, simulator included)%n",
                peakHeapBytes() / 1048576.0);
        out.printf(Locale.ROOT, "database         %.1f MiB%n", dbBytes / 1048576.0);
        out.flush();
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(dir.resolve("bench.db" + suffix));
        }
        Files.deleteIfExists(dir);
        return 0;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
