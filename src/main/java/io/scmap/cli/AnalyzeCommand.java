package io.scmap.cli;

import io.scmap.map.Maps;
import io.scmap.matrix.InteractionMatrix;
import io.scmap.matrix.Matrices;
import io.scmap.matrix.MatrixFormatException;
import io.scmap.matrix.SparseMatrix;
import io.scmap.source.InteractionType;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code scmap analyze}: matrix, embedding and clusters of a crawl, as tables. */
@Command(
        name = "analyze",
        mixinStandardHelpOptions = true,
        description = {
            "Embed and cluster a crawl (--db) or the reference's own files (--npz, --rows, --cols): filter rows,"
                    + " truncated SVD, UMAP, HDBSCAN, scene labels.",
            "Writes points.csv, edges.csv, neighbors.csv and manifest.json to --out; 'scmap render' draws them."
        })
final class AnalyzeCommand extends Subcommand {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input = new Input();

    /** Where the matrix comes from: a crawl database, or the reference's own three files. */
    static final class Input {
        @Option(names = "--db", paramLabel = "FILE", description = "The crawl database.")
        @Nullable
        Path db;

        @ArgGroup(exclusive = false)
        @Nullable
        ReferenceFiles reference;
    }

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the tables.")
    Path out = Path.of("out");

    @Mixin
    AnalysisOptions options = new AnalysisOptions();

    @Mixin
    WeightsOption weights = new WeightsOption();

    /**
     * The input files by role with their absolute paths and SHA-256, so a map can be traced to the
     * exact data it was made from. A database is hashed as it is on disk after reading.
     */
    private static Map<String, Object> inputs(@Nullable Path db, @Nullable ReferenceFiles reference)
            throws CommandFailedException {
        if (db != null) {
            Map<String, Object> inputs = new LinkedHashMap<>();
            inputs.put("db", ReferenceFiles.fingerprint(db));
            return inputs;
        }
        return reference == null ? new LinkedHashMap<>() : reference.describe();
    }

    @Override
    public Integer call() throws Exception {
        var embedParams = options.embedParams();
        var hdbscanParams = options.hdbscanParams();
        var interactionWeights = weights.weights();
        if (input.db == null && weights.given()) {
            throw new UsageException("--weights needs --db: the reference's files hold weighted sums only");
        }
        Path dir = OutputDirectory.prepare(out);
        long readStart = System.nanoTime();
        InteractionMatrix matrix;
        @Nullable Map<InteractionType, SparseMatrix> perType = null;
        String source;
        Path db = input.db;
        ReferenceFiles reference = input.reference;
        if (db != null) {
            source = db.toString();
            StoreMatrices read = DatabaseOption.read(db, store -> StoreMatrices.of(store, interactionWeights))
                    .requireReweightable(weights, db);
            matrix = read.weighted();
            perType = read.perType();
            if (matrix.values().rows() == 0) {
                throw new CommandFailedException(db + " holds no scraped account yet: run 'scmap crawl' first");
            }
        } else if (reference != null) {
            source = reference.npz.toString();
            try {
                matrix = Matrices.readReference(reference.npz, reference.rows, reference.cols);
            } catch (MatrixFormatException e) {
                throw new CommandFailedException(String.valueOf(e.getMessage()), e);
            } catch (IOException e) {
                throw reference.unreadable(e);
            }
        } else {
            throw new UsageException("give --db FILE, or --npz, --rows and --cols");
        }
        double readSeconds = (System.nanoTime() - readStart) / 1e9;
        Map<String, Object> inputs = inputs(db, reference);
        Analysis.Result result;
        try {
            result = Analysis.run(
                    matrix,
                    perType,
                    embedParams,
                    hdbscanParams,
                    "scmap: " + Path.of(source).getFileName(),
                    spec.commandLine().getErr());
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException(String.valueOf(e.getMessage()), e);
        }
        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put("command", ScmapCommand.typed(spec));
        sections.put("input", inputs);
        if (db != null) {
            sections.put("weights", interactionWeights.toMap());
        }
        sections.putAll(result.manifest());
        try {
            long writeStart = System.nanoTime();
            Maps.writeTables(result.atlas(), dir);
            if (sections.get("timings_seconds") instanceof Map<?, ?> analysis) {
                Map<String, Object> timings = new LinkedHashMap<>();
                timings.put("read", readSeconds);
                analysis.forEach((step, seconds) -> timings.put(String.valueOf(step), seconds));
                timings.put("write", (System.nanoTime() - writeStart) / 1e9);
                sections.put("timings_seconds", timings);
            }
            Maps.writeManifest(dir, sections);
        } catch (IOException e) {
            throw new CommandFailedException("cannot write to " + dir + ": " + e.getMessage(), e);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(
                Locale.ROOT,
                "%d artists mapped in %d scenes (%d unclustered); tables in %s%n",
                result.atlas().points().size(),
                result.clustering().clusterCount(),
                result.clustering().noiseCount(),
                dir);
        stdout.flush();
        return 0;
    }
}
