package io.scmap.cli;

import io.scmap.matrix.InteractionMatrix;
import io.scmap.matrix.Matrices;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
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
            "csv: interactions.csv, one line per (source, target) with the weight and per-type counts."
        })
final class ExportCommand extends Subcommand {
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

    @Override
    public Integer call() throws Exception {
        Path dir = OutputDirectory.prepare(out);
        StoreMatrices read = database.read(StoreMatrices::of);
        InteractionMatrix matrix = read.weighted();
        try {
            if (format == Format.npz) {
                Matrices.writeReference(matrix, dir);
            } else {
                Matrices.writeEdgeList(matrix, read.perType(), dir.resolve("interactions.csv"));
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
        stdout.flush();
        return 0;
    }
}
