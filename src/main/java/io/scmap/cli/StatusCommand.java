package io.scmap.cli;

import io.scmap.store.SourceFile;
import io.scmap.store.StoreStatus;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code scmap status}: what a crawl database holds. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Show a crawl database: accounts by state, skips by reason, seeds, the frontier's head"
                + " (ranked by the --score rule the crawl used) and requests made. Opens the file read-only.")
final class StatusCommand extends Subcommand {
    @Mixin
    DatabaseOption database = new DatabaseOption();

    @Option(
            names = "--head",
            paramLabel = "N",
            defaultValue = "10",
            description = "How many frontier accounts to list (default: ${DEFAULT-VALUE}).")
    int head;

    @Override
    public Integer call() throws Exception {
        StoreStatus s =
                database.read(store -> store.status(Math.max(0, head), io.scmap.crawl.InteractionWeights.DEFAULTS));
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s (schema %d", s.file(), s.schemaVersion());
        if (s.createdBy() != null) {
            out.printf(Locale.ROOT, ", created by %s", s.createdBy());
        }
        if (s.createdAt() != null) {
            out.printf(Locale.ROOT, " on %s", s.createdAt());
        }
        out.println(")");
        StoreStatus.Import imported = s.imported();
        if (imported != null) {
            printImport(out, s, imported);
        } else {
            printCrawl(out, s);
        }
        if (!s.frontierHead().isEmpty()) {
            out.printf(
                    Locale.ROOT,
                    "frontier head (next to scrape first, by the %s score%s):%n",
                    s.rankedBy().code(),
                    s.expansionScore() == null ? "; the crawl's rule is not recorded, so the default" : "");
            for (StoreStatus.Candidate c : s.frontierHead()) {
                out.printf(
                        Locale.ROOT,
                        "  %8.1f  %s (%s followers)%n",
                        c.score(),
                        c.permalink(),
                        c.followers() < 0 ? "?" : String.format(Locale.ROOT, "%,d", c.followers()));
            }
        }
        out.flush();
        return 0;
    }

    /**
     * An imported database: its files, and what the reference's files do not hold, said as absent
     * rather than printed as zeros.
     */
    private static void printImport(PrintWriter out, StoreStatus s, StoreStatus.Import imported) {
        out.printf(
                Locale.ROOT,
                "imported     on %s: %,d stored cells of weighted interaction counts, no SoundCloud ids"
                        + " (it cannot be crawled)%n",
                imported.importedAt(),
                imported.cells());
        for (SourceFile f : List.of(imported.matrixFile(), imported.rowsFile(), imported.columnsFile())) {
            out.printf(Locale.ROOT, "  from %s (sha256 %s)%n", f.name(), f.sha256());
        }
        out.printf(
                Locale.ROOT,
                "accounts     %,d: %,d rows (the accounts the reference scraped), %,d only columns%n",
                s.accounts(),
                s.scraped(),
                s.accounts() - s.scraped());
        out.printf(
                Locale.ROOT,
                "absent       the files hold weighted sums only: no counts per type (likes, comments, reposts,"
                        + " follows), no follower count for %,d accounts, no requests, seeds or frontier%n",
                imported.withoutFollowers());
    }

    /** A crawled database: accounts by state, interactions, requests, skips and seeds. */
    private static void printCrawl(PrintWriter out, StoreStatus s) {
        out.printf(
                Locale.ROOT,
                "accounts     %,d encountered: %,d scraped, %,d skipped, %,d in the frontier%n",
                s.accounts(),
                s.scraped(),
                s.skipped(),
                s.open());
        out.printf(Locale.ROOT, "interactions %,d%n", s.interactions());
        out.printf(Locale.ROOT, "requests     %,d%n", s.requests());
        for (Map.Entry<String, Integer> e : s.skippedByReason().entrySet()) {
            out.printf(Locale.ROOT, "skipped      %,6d %s%n", e.getValue(), e.getKey());
        }
        long pending = s.seeds().stream().filter(StoreStatus.Seed::pending).count();
        out.printf(Locale.ROOT, "seeds        %d (%d pending)%n", s.seeds().size(), pending);
        for (StoreStatus.Seed seed : s.seeds()) {
            if (seed.reason() != null) {
                out.printf(Locale.ROOT, "  seed %s skipped: %s%n", seed.permalink(), seed.reason());
            }
        }
    }
}
