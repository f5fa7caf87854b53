package io.scmap.cli;

import io.scmap.crawl.CrawlException;
import io.scmap.crawl.CrawlParams;
import io.scmap.crawl.CrawlSummary;
import io.scmap.crawl.Crawler;
import io.scmap.crawl.ExpansionScore;
import io.scmap.source.OfficialApiConfig;
import io.scmap.source.SoundCloud;
import io.scmap.source.SoundCloudClient;
import io.scmap.source.Transport;
import io.scmap.source.WebApiConfig;
import io.scmap.store.Store;
import io.scmap.store.StoreException;
import io.scmap.store.StoreStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scmap crawl}: crawls SoundCloud from seed artists into a database, resuming where it stopped. */
@Command(
        name = "crawl",
        mixinStandardHelpOptions = true,
        description = {
            "Crawl SoundCloud from seed artists into a database (resumes if the database exists).",
            "Seeds are scraped first, in order; then the unscraped account that scraped accounts interact"
                    + " with most. Each account commits in one transaction: stop it at any moment (Ctrl-C"
                    + " finishes or rolls back the current account) and run the same command to go on."
        })
final class CrawlCommand extends Subcommand {
    @Option(names = "--db", required = true, paramLabel = "FILE", description = "The crawl database (SQLite).")
    Path db = Path.of("scmap.db");

    @ArgGroup(exclusive = true, multiplicity = "1")
    Seeds seeds = new Seeds();

    static final class Seeds {
        @Option(
                names = "--seeds",
                paramLabel = "a,b,c",
                split = ",",
                description = "Seed permalinks (the name in soundcloud.com/<permalink>).")
        List<String> list = new ArrayList<>();

        @Option(
                names = "--seeds-file",
                paramLabel = "FILE",
                description = "A file with one seed permalink or soundcloud.com URL per line (# comments).")
        @Nullable
        Path file;
    }

    @Option(
            names = "--api-base",
            paramLabel = "URL",
            description = "Base URL of the web API (default: https://api-v2.soundcloud.com).")
    @Nullable
    URI apiBase;

    @Option(
            names = "--web-base",
            paramLabel = "URL",
            description = "Base URL of the web site, where the client_id is found (default: https://soundcloud.com).")
    @Nullable
    URI webBase;

    @Option(
            names = "--client-id",
            paramLabel = "ID",
            description = "The web API client_id to use (default: discovered from the web site).")
    @Nullable
    String clientId;

    @Option(
            names = "--per-type",
            paramLabel = "N",
            defaultValue = "500",
            description =
                    "Newest likes, comments, reposts and followings taken per account (default: ${DEFAULT-VALUE}).")
    int perType;

    @Option(
            names = "--max-accounts",
            paramLabel = "N",
            defaultValue = "0",
            description = "Stop when the database holds N scraped accounts (default: 0, no limit).")
    int maxAccounts;

    @Option(
            names = "--max-retries",
            paramLabel = "N",
            defaultValue = "6",
            description = "Retries of a failed request (429, 5xx, timeouts) before the crawl stops;"
                    + " backoff doubles from 1 s up to 60 s (default: ${DEFAULT-VALUE}).")
    int maxRetries;

    @Option(
            names = "--rate",
            paramLabel = "REQUESTS_PER_SECOND",
            defaultValue = "1",
            description = "Requests per second to SoundCloud, all requests together (default: ${DEFAULT-VALUE},"
                    + " polite; 0 = unlimited, for the simulator).")
    double rate;

    @Option(
            names = "--initial-backoff-ms",
            hidden = true,
            defaultValue = "1000",
            description = "First retry wait in milliseconds, doubling after (for tests against the simulator).")
    long initialBackoffMillis;

    @Option(names = "--no-expand", description = "Scrape only the seeds; do not expand to other accounts.")
    boolean noExpand;

    @Option(
            names = "--max-followers",
            paramLabel = "N",
            defaultValue = "0",
            description = "Skip expansion candidates with more than N followers (reason over_follower_cap), to stay"
                    + " underground; seeds are never skipped (default: 0, no cap, as the reference).")
    long maxFollowers;

    @Option(
            names = "--score",
            paramLabel = "RULE",
            defaultValue = "weighted",
            converter = ScoreConverter.class,
            description = "How the next account is chosen: weighted = most interactions from the accounts scraped"
                    + " so far (likes 1, others 3; the reference); discounted = the same divided by"
                    + " log2(2 + followers), favouring accounts the scene cares about over mainstream ones"
                    + " (default: ${DEFAULT-VALUE}).")
    ExpansionScore score = ExpansionScore.WEIGHTED;

    /** Reads {@code weighted} or {@code discounted}. */
    static final class ScoreConverter implements CommandLine.ITypeConverter<ExpansionScore> {
        @Override
        public ExpansionScore convert(String value) {
            return ExpansionScore.fromCode(value)
                    .orElseThrow(() -> new CommandLine.TypeConversionException(
                            "expected weighted or discounted, got '" + value + "'"));
        }
    }

    /** Which SoundCloud API the crawl reads. */
    enum Api {
        web,
        official
    }

    @Option(
            names = "--api",
            paramLabel = "API",
            defaultValue = "web",
            description = "web: api-v2, what soundcloud.com uses (client_id discovered); official:"
                    + " api.soundcloud.com with app credentials (--client-id/--client-secret or"
                    + " SCMAP_CLIENT_ID/SCMAP_CLIENT_SECRET), which has no comments feed (default: ${DEFAULT-VALUE}).")
    Api apiKind = Api.web;

    /** Who sends the web API's requests. */
    enum TransportName {
        http,
        browser
    }

    @Option(
            names = "--transport",
            paramLabel = "TRANSPORT",
            defaultValue = "http",
            description = "http: Java's HTTP client with a browser's headers; browser: a headless Chromium page on"
                    + " the web site makes every request, with its cookies, for networks where bot protection"
                    + " refuses plain HTTP clients (needs chromium and chromedriver; --api web only)"
                    + " (default: ${DEFAULT-VALUE}).")
    TransportName transport = TransportName.http;

    @Option(
            names = "--browser",
            paramLabel = "PATH",
            description = "Chromium or Chrome for --transport browser (default: chromium, chromium-browser or"
                    + " google-chrome on the PATH).")
    @Nullable
    Path browser;

    @Option(
            names = "--chromedriver",
            paramLabel = "PATH",
            description = "ChromeDriver matching the browser, for --transport browser (default: chromedriver on the"
                    + " PATH; nothing is downloaded).")
    @Nullable
    Path chromedriver;

    @Option(
            names = "--client-secret",
            paramLabel = "SECRET",
            description = "App secret for --api official (default: the SCMAP_CLIENT_SECRET environment variable).")
    @Nullable
    String clientSecret;

    /**
     * Refuses a database the crawl could not write before SQLite opens it: opened read-only, it
     * would fail only at the first write and leave journal files beside it.
     */
    private static void requireWritable(Path db) throws CommandFailedException {
        Path folder = db.toAbsolutePath().getParent();
        if (Files.exists(db) && !Files.isWritable(db)) {
            throw new CommandFailedException(
                    db + " is read-only, and a crawl writes to it; make it writable or crawl" + " into a copy");
        }
        if (folder != null && Files.isDirectory(folder) && !Files.isWritable(folder)) {
            throw new CommandFailedException(
                    "cannot write in " + folder + ", where the crawl keeps " + db.getFileName() + " and its journal");
        }
    }

    @Override
    public Integer call() throws Exception {
        List<String> seedList = seedList();
        CrawlParams params;
        WebApiConfig api;
        OfficialApiConfig official = null;
        try {
            params = CrawlParams.DEFAULTS
                    .withPerType(perType)
                    .withMaxAccounts(maxAccounts)
                    .withExpand(!noExpand)
                    .withMaxFollowers(maxFollowers)
                    .withScore(score);
            api = WebApiConfig.DEFAULTS
                    .withClientId(clientId)
                    .withMaxRetries(maxRetries)
                    .withInitialBackoff(java.time.Duration.ofMillis(initialBackoffMillis))
                    .withRate(rate);
            if (apiBase != null) {
                api = api.withApiBase(apiBase);
            }
            if (webBase != null) {
                api = api.withWebBase(webBase);
            }
            api = withTransport(api);
            if (apiKind == Api.official) {
                official = officialConfig();
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(String.valueOf(e.getMessage()));
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        requireWritable(db);
        boolean fresh = Files.notExists(db);
        CrawlSummary summary;
        SoundCloudClient client = openClient(official, api);
        try (client;
                Store store = Store.open(db)) {
            summary = crawlInterruptibly(client, store, params, seedList, err);
            if (summary.scrapedTotal() == 0 && !summary.interrupted()) {
                failIfNoSeedExists(store);
            }
        } catch (StoreException e) {
            throw new CommandFailedException(String.valueOf(e.getMessage()), e);
        } catch (CommandFailedException e) {
            if (fresh) {
                removeIfNothingRecorded(db);
            }
            throw e;
        }
        out.printf(
                Locale.ROOT,
                "Scraped %d accounts (%d skipped) with %d requests in %.1f s; %d scraped in %s; %d in the frontier.%n",
                summary.scraped(),
                summary.skipped(),
                summary.requests(),
                summary.elapsed().toMillis() / 1000.0,
                summary.scrapedTotal(),
                db,
                summary.frontier());
        if (summary.interrupted()) {
            out.println("Interrupted: run the same command to resume.");
        }
        out.flush();
        return 0;
    }

    private List<String> seedList() throws UsageException, CommandFailedException {
        List<String> raw = seeds.list;
        Path file = seeds.file;
        if (file != null) {
            try {
                raw = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new CommandFailedException("seeds file " + file + " does not exist");
            } catch (IOException e) {
                throw new CommandFailedException("cannot read the seeds file " + file + ": " + e.getMessage(), e);
            }
        }
        LinkedHashSet<String> permalinks = new LinkedHashSet<>();
        for (String line : raw) {
            String s = line.strip();
            int hash = s.indexOf('#');
            if (hash >= 0) {
                s = s.substring(0, hash).strip();
            }
            s = s.replaceFirst("^(https?://)?(www\\.|m\\.)?soundcloud\\.com/", "")
                    .replaceAll("/+$", "");
            if (!s.isEmpty()) {
                permalinks.add(s);
            }
        }
        if (permalinks.isEmpty()) {
            throw new UsageException(file != null ? "the seeds file " + file + " names no seed" : "--seeds is empty");
        }
        return List.copyOf(permalinks);
    }

    /** The web API's settings with the transport options; the browser transport needs the web API. */
    private WebApiConfig withTransport(WebApiConfig api) throws UsageException {
        if (transport == TransportName.http) {
            return api;
        }
        if (apiKind == Api.official) {
            throw new UsageException("--transport browser works only with --api web (the official API needs no"
                    + " browser: it signs in with app credentials)");
        }
        return api.withTransport(Transport.BROWSER).withBrowser(browser).withChromedriver(chromedriver);
    }

    /** The client; a browser transport without Chromium or ChromeDriver fails here, in one line. */
    private static SoundCloudClient openClient(@Nullable OfficialApiConfig official, WebApiConfig api)
            throws CommandFailedException {
        if (official != null) {
            return SoundCloud.officialApi(official);
        }
        try {
            return SoundCloud.webApi(api);
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException(String.valueOf(e.getMessage()), e);
        }
    }

    /** The official API's settings from the options, else the environment. */
    private OfficialApiConfig officialConfig() {
        Map<String, String> env = new HashMap<>(System.getenv());
        if (clientId != null) {
            env.put(OfficialApiConfig.CLIENT_ID_VARIABLE, clientId);
        }
        if (clientSecret != null) {
            env.put(OfficialApiConfig.CLIENT_SECRET_VARIABLE, clientSecret);
        }
        OfficialApiConfig config = OfficialApiConfig.fromEnvironment(env)
                .withMaxRetries(maxRetries)
                .withInitialBackoff(java.time.Duration.ofMillis(initialBackoffMillis))
                .withRate(rate);
        return apiBase == null ? config : config.withApiBase(apiBase);
    }

    /**
     * Deletes a database this run created when the crawl failed before recording anything (say, the
     * API was unreachable), so a failed first attempt leaves no empty file behind.
     */
    private static void removeIfNothingRecorded(Path db) {
        try {
            try (Store store = Store.open(db)) {
                StoreStatus status = store.status();
                if (!status.seeds().isEmpty() || status.accounts() > 0) {
                    return;
                }
            }
            for (String suffix : List.of("-wal", "-shm", "-journal", "")) {
                Files.deleteIfExists(db.resolveSibling(db.getFileName() + suffix));
            }
        } catch (StoreException | IOException e) {
            // Best effort: an empty database left behind is harmless, and the crawl's own error matters more.
        }
    }

    /** A crawl whose every seed was not found has nothing to start from: say so and exit 1. */
    private static void failIfNoSeedExists(Store store) throws StoreException, CommandFailedException {
        List<StoreStatus.Seed> seeds = store.status().seeds();
        if (!seeds.isEmpty() && seeds.stream().allMatch(seed -> "not_found".equals(seed.reason()))) {
            throw new CommandFailedException("none of the seeds exists on SoundCloud ("
                    + String.join(
                            ", ",
                            seeds.stream().map(StoreStatus.Seed::permalink).toList()) + ")");
        }
    }

    /**
     * Runs the crawl; Ctrl-C interrupts it, and the shutdown waits until the current account is
     * committed or rolled back.
     */
    private static CrawlSummary crawlInterruptibly(
            SoundCloudClient client, Store store, CrawlParams params, List<String> seeds, PrintWriter err)
            throws CommandFailedException {
        Thread worker = Thread.currentThread();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            worker.interrupt();
            try {
                finished.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try (CrawlBar bar = new CrawlBar(err, store.requestCount(), params.maxAccounts())) {
            return new Crawler(client, store, params, bar).run(seeds);
        } catch (CrawlException e) {
            throw new CommandFailedException(String.valueOf(e.getMessage()), e);
        } catch (StoreException e) {
            throw new CommandFailedException(String.valueOf(e.getMessage()), e);
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for the latch released above
            }
        }
    }
}
