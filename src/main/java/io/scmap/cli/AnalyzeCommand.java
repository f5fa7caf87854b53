package io.scmap.cli;

import io.scmap.crawl.InteractionWeights;
import io.scmap.map.Maps;
import io.scmap.matrix.InteractionMatrix;
import io.scmap.matrix.Matrices;
import io.scmap.matrix.MatrixFormatException;
import io.scmap.matrix.SparseMatrix;
import io.scmap.source.InteractionType;
import io.scmap.store.Store;
import io.scmap.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scmap analyze}: matrix, embedding and clusters of a crawl, as tables. */
@Command(
        name = "analyze",
        mixinStandardHelpOptions = true,
        description = {
            "Embed and cluster a crawl (--db) or the reference's own files (--npz, --rows, --cols): filter rows,"
                    + " truncated SVD, UMAP, HDBSCAN, scene labels.",
            "Writes points.csv, edges.csv, neighbors.csv and manifest.json to --out; 'scmap render' draws them."
        })
final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init")
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    VerboseMixin verbose = new VerboseMixin();

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

    /** The reference's trio, as its scraper wrote it (or as 'scmap export' writes it). */
    static final class ReferenceFiles {
        @Option(names = "--npz", required = true, paramLabel = "FILE", description = "sparse_matrix.npz (scipy).")
        Path npz = Path.of("sparse_matrix.npz");

        @Option(
                names = "--rows",
                required = true,
                paramLabel = "CSV",
                description = "Row labels: remaining_seeds.csv (links,names,followers,emerge_date).")
        Path rows = Path.of("remaining_seeds.csv");

        @Option(names = "--cols", required = true, paramLabel = "CSV", description = "Column labels: seeds.csv.")
        Path cols = Path.of("seeds.csv");
    }

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the tables.")
    Path out = Path.of("out");

    @Mixin
    AnalysisOptions options = new AnalysisOptions();

    @Override
    public Integer call() throws Exception {
        var embedParams = options.embedParams();
        var hdbscanParams = options.hdbscanParams();
        Path dir = OutputDirectory.prepare(out);
        InteractionMatrix matrix;
        @Nullable Map<InteractionType, SparseMatrix> perType = null;
        String source;
        Path db = input.db;
        ReferenceFiles reference = input.reference;
        if (db != null) {
            source = db.toString();
            try (Store store = Store.openReadOnly(db)) {
                matrix = Matrices.fromStore(store, InteractionWeights.DEFAULTS);
                perType = Matrices.perType(store);
            } catch (StoreException e) {
                throw new CommandFailedException(String.valueOf(e.getMessage()), e);
            }
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
                throw new CommandFailedException("cannot read " + reference.npz + ": " + e.getMessage(), e);
            }
        } else {
            throw new UsageException("give --db FILE, or --npz, --rows and --cols");
        }
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
        sections.put("input", Path.of(source).toAbsolutePath().normalize().toString());
        sections.putAll(result.manifest());
        try {
            Maps.writeTables(result.atlas(), dir);
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
