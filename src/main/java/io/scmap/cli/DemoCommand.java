package io.scmap.cli;

import io.scmap.cluster.Clusterer;
import io.scmap.cluster.HdbscanParams;
import io.scmap.crawl.CrawlException;
import io.scmap.crawl.CrawlParams;
import io.scmap.crawl.CrawlSummary;
import io.scmap.crawl.Crawler;
import io.scmap.embed.EmbedParams;
import io.scmap.map.GexfParams;
import io.scmap.map.MapPoint;
import io.scmap.map.Maps;
import io.scmap.matrix.InteractionMatrix;
import io.scmap.matrix.Matrices;
import io.scmap.matrix.SparseMatrix;
import io.scmap.sim.SimParams;
import io.scmap.sim.SimulatedSoundCloud;
import io.scmap.source.InteractionType;
import io.scmap.source.SoundCloud;
import io.scmap.source.SoundCloudClient;
import io.scmap.source.WebApiConfig;
import io.scmap.store.Store;
import io.scmap.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code scmap demo}: simulates SoundCloud, crawls it over HTTP, analyses and draws the map, and scores
 * how well the map recovered the planted scenes.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Map a simulated SoundCloud end to end, offline, in a minute or two.",
            "Starts the simulated SoundCloud on a free loopback port, crawls it through the real HTTP"
                    + " client from 10 seed artists until every reachable artist is scraped, analyses with"
                    + " the reference's defaults, writes the map and prints how well its clusters recover"
                    + " the planted scenes (adjusted Rand index).",
            "The demo caps each interaction type at --per-type items per artist (a real crawl takes 500)."
        })
final class DemoCommand extends Subcommand {
    static final String DATABASE = "demo.db";
    static final String TRUTH = "truth.csv";

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "out/demo",
            description = "Where to write the map and tables (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("out/demo");

    @Mixin
    WorldOptions world = new WorldOptions();

    @Option(
            names = "--per-type",
            paramLabel = "N",
            defaultValue = "200",
            description = "Newest likes, comments, reposts and followings taken per artist (default:"
                    + " ${DEFAULT-VALUE}; a real crawl takes 500).")
    int perType;

    @Option(
            names = "--seeds",
            paramLabel = "N",
            defaultValue = "10",
            description = "Number of seed artists the crawl starts from (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Override
    public Integer call() throws Exception {
        SimParams simParams = validParams();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = OutputDirectory.prepare(out);
        Path db = dir.resolve(DATABASE);
        deleteOldDemoDatabase(db);
        long start = System.nanoTime();

        InteractionMatrix matrix;
        Map<InteractionType, SparseMatrix> perTypeCounts;
        Map<String, Object> sections = new LinkedHashMap<>();
        Map<String, String> truth;
        try (SimulatedSoundCloud sim = SimulatedSoundCloud.start(simParams, 0)) {
            stdout.printf(
                    Locale.ROOT,
                    "Simulated SoundCloud: %d artists in %d planted scenes (seed %d) at %s%n",
                    sim.artistCount(),
                    simParams.scenes(),
                    simParams.seed(),
                    sim.baseUrl());
            stdout.flush();
            truth = sim.truth();
            sim.writeTruth(dir.resolve(TRUTH));
            List<String> seedList = sim.seedPermalinks(seeds);
            CrawlParams crawlParams = CrawlParams.DEFAULTS.withPerType(perType).withParallelFetches(4);
            WebApiConfig api = WebApiConfig.DEFAULTS
                    .withApiBase(sim.baseUrl())
                    .withWebBase(sim.baseUrl())
                    .withClientId(null)
                    .withInitialBackoff(Duration.ofMillis(50))
                    .withRate(WebApiConfig.UNLIMITED_RATE)
                    .withSeed(simParams.seed());
            try (Store store = Store.open(db);
                    SoundCloudClient client = SoundCloud.webApi(api)) {
                CrawlSummary summary = crawl(client, store, crawlParams, seedList, err);
                matrix = Matrices.fromStore(store, crawlParams.weights());
                perTypeCounts = Matrices.perType(store);
                sections.put("command", ScmapCommand.typed(spec));
                sections.put("simulation", simParams.toMap());
                sections.put("seeds", seedList);
                sections.put("crawl", crawlSection(crawlParams, summary));
            }
        } catch (IOException e) {
            throw new CommandFailedException("the demo could not run the simulated SoundCloud: " + e.getMessage(), e);
        } catch (StoreException e) {
            throw new CommandFailedException(String.valueOf(e.getMessage()), e);
        }

        EmbedParams embedParams = EmbedParams.DEFAULTS.withSeed(simParams.seed());
        Analysis.Result result =
                Analysis.run(matrix, perTypeCounts, embedParams, HdbscanParams.DEFAULTS, title(simParams), err);
        double ari = adjustedRandIndex(result.atlas().points(), truth);
        sections.putAll(result.manifest());
        Map<String, Object> metrics = new LinkedHashMap<>();
        if (sections.get("metrics") instanceof Map<?, ?> analysisMetrics) {
            analysisMetrics.forEach((k, v) -> metrics.put(String.valueOf(k), v));
        }
        metrics.put("adjusted_rand_index_vs_planted", ari);
        sections.put("metrics", metrics);
        try {
            Maps.writeAll(result.atlas(), dir, GexfParams.DEFAULTS, sections);
        } catch (IOException e) {
            throw new CommandFailedException("cannot write the map to " + dir + ": " + e.getMessage(), e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        stdout.printf(
                Locale.ROOT,
                "Map: %s (%d artists, %d scenes found, %.1f s)%n",
                dir.resolve(Maps.HTML).toAbsolutePath().normalize().toUri(),
                result.atlas().points().size(),
                result.clustering().clusterCount(),
                seconds);
        stdout.println("Graph: "
                + dir.resolve(Maps.GRAPH_HTML).toAbsolutePath().normalize().toUri());
        stdout.println("Static map: "
                + dir.resolve(Maps.PNG).toAbsolutePath().normalize().toUri() + " and " + Maps.SVG);
        stdout.printf(
                Locale.ROOT,
                "Adjusted Rand index of the clusters against the %d planted scenes: %.3f%n",
                simParams.scenes(),
                ari);
        stdout.flush();
        return 0;
    }

    private SimParams validParams() throws UsageException {
        if (perType < 1) {
            throw new UsageException("--per-type must be at least 1, got " + perType);
        }
        if (seeds < 1) {
            throw new UsageException("--seeds must be at least 1, got " + seeds);
        }
        try {
            return world.params();
        } catch (IllegalArgumentException e) {
            throw new UsageException(String.valueOf(e.getMessage()));
        }
    }

    /** The demo's database is its own scratch file: a previous demo's is replaced, never resumed. */
    private static void deleteOldDemoDatabase(Path db) throws CommandFailedException {
        try {
            for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
                Files.deleteIfExists(db.resolveSibling(db.getFileName() + suffix));
            }
        } catch (IOException e) {
            throw new CommandFailedException("cannot replace the old demo database " + db + ": " + e.getMessage(), e);
        }
    }

    private static CrawlSummary crawl(
            SoundCloudClient client, Store store, CrawlParams params, List<String> seeds, PrintWriter err)
            throws CommandFailedException {
        try (CrawlBar bar = new CrawlBar(err, 0, params.maxAccounts())) {
            return new Crawler(client, store, params, bar).run(seeds);
        } catch (CrawlException e) {
            throw new CommandFailedException("the crawl failed: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> crawlSection(CrawlParams params, CrawlSummary summary) {
        Map<String, Object> crawl = new LinkedHashMap<>();
        crawl.put("parameters", params.toMap());
        crawl.put("scraped", summary.scraped());
        crawl.put("skipped", summary.skipped());
        crawl.put("requests", summary.requests());
        crawl.put("seconds", summary.elapsed().toMillis() / 1000.0);
        crawl.put("stop", summary.stop().name().toLowerCase(Locale.ROOT));
        return crawl;
    }

    private static String title(SimParams params) {
        return "Simulated SoundCloud: " + params.artists() + " artists, " + params.scenes() + " scenes, seed "
                + params.seed();
    }

    /**
     * The adjusted Rand index of the map's clusters (noise as one more label, as the reference scored
     * it) against the planted scenes of the mapped artists.
     */
    private static double adjustedRandIndex(List<MapPoint> points, Map<String, String> truth) {
        List<String> found = new ArrayList<>(points.size());
        List<String> planted = new ArrayList<>(points.size());
        for (MapPoint p : points) {
            String scene = truth.get(p.permalink());
            if (scene != null) {
                found.add(Integer.toString(p.cluster()));
                planted.add(scene);
            }
        }
        return Clusterer.adjustedRandIndex(found, planted);
    }
}
