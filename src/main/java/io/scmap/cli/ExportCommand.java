package io.scmap.cli;

import io.scmap.matrix.InteractionMatrix;
import io.scmap.matrix.Matrices;
import io.scmap.matrix.SparseMatrix;
import io.scmap.source.InteractionType;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code scmap export}: the crawl as the reference's files, or as an edge list. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Export a crawl database for other tools.",
            "npz: the reference's trio, sparse_matrix.npz (scipy.sparse.load_npz opens it),"
                    + " remaining_seeds.csv (row labels: links,names,followers,emerge_date) and seeds.csv"
                    + " (column labels).",
            "csv: interactions.csv, one line per (source, target) with the weight and per-type counts (NaN for a"
                    + " database imported from the reference's files, which hold weighted sums only)."
        })
final class ExportCommand extends Subcommand {
    static final String EDGE_LIST = "interactions.csv";

    enum Format {
        npz,
        csv
    }

    @Mixin
    DatabaseOption database = new DatabaseOption();

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "npz",
            description = "npz or csv (default: ${DEFAULT-VALUE}).")
    Format format = Format.npz;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write.")
    Path out = Path.of("out");

    @Mixin
    WeightsOption weights = new WeightsOption();

    @Option(
            names = "--per-type",
            description = "With npz: also write the unweighted count of each interaction type as its own matrix,"
                    + " sparse_matrix_like.npz, _comment, _repost and _follow, with the trio's rows and columns.")
    boolean perTypeFiles;

    @Override
    public Integer call() throws Exception {
        if (perTypeFiles && format != Format.npz) {
            throw new UsageException("--per-type goes with --format npz (interactions.csv has per-type columns)");
        }
        var interactionWeights = weights.weights();
        StoreMatrices read = database.read(store -> StoreMatrices.of(store, interactionWeights))
                .requireReweightable(weights, database.db);
        if (perTypeFiles && read.perType() == null) {
            throw new CommandFailedException(database.db + " was imported from the reference's files, which hold"
                    + " weighted sums only: it has no per-type matrices");
        }
        Path dir = OutputDirectory.prepare(out);
        InteractionMatrix matrix = read.weighted();
        Map<InteractionType, SparseMatrix> perType = read.perType();
        try {
            if (format == Format.npz) {
                Matrices.writeReference(matrix, dir);
                if (perTypeFiles && perType != null) {
                    for (Map.Entry<InteractionType, SparseMatrix> m : perType.entrySet()) {
                        Matrices.writeNpz(m.getValue(), dir.resolve(perTypeFile(m.getKey())), true);
                    }
                }
            } else {
                Matrices.writeEdgeList(
                        matrix, perType == null ? unknownCounts(matrix.values()) : perType, dir.resolve(EDGE_LIST));
            }
        } catch (IOException e) {
            throw new CommandFailedException("cannot write to " + dir + ": " + e.getMessage(), e);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(
                Locale.ROOT,
                "Exported %d x %d (%d nonzero) as %s to %s%n",
                matrix.values().rows(),
                matrix.values().cols(),
                matrix.values().nnz(),
                format,
                dir);
        if (format == Format.csv && perType == null) {
            stdout.println("The database was imported from the reference's files, which hold weighted sums only:"
                    + " the likes, comments, reposts and follows of " + EDGE_LIST + " are NaN (not known).");
        }
        stdout.flush();
        return 0;
    }

    /** The file of one type's counts: {@code sparse_matrix_like.npz} and so on. */
    static String perTypeFile(InteractionType type) {
        return "sparse_matrix_" + type.name().toLowerCase(Locale.ROOT) + ".npz";
    }

    /** Per-type counts that are not known: NaN in every cell that {@code weighted} stores, for each type. */
    private static Map<InteractionType, SparseMatrix> unknownCounts(SparseMatrix weighted) {
        double[] unknown = new double[weighted.nnz()];
        Arrays.fill(unknown, Double.NaN);
        SparseMatrix nan =
                SparseMatrix.of(weighted.rows(), weighted.cols(), weighted.indptr(), weighted.indices(), unknown);
        Map<InteractionType, SparseMatrix> counts = new EnumMap<>(InteractionType.class);
        for (InteractionType type : InteractionType.values()) {
            counts.put(type, nan);
        }
        return counts;
    }
}
