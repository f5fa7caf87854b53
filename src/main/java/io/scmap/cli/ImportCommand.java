package io.scmap.cli;

import io.scmap.matrix.InteractionMatrix;
import io.scmap.matrix.Matrices;
import io.scmap.matrix.MatrixFormatException;
import io.scmap.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scmap import}: the reference's own files into a new database. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Import the reference's files into a new database: sparse_matrix.npz (scipy CSR of weighted"
                    + " interaction counts), remaining_seeds.csv (row labels: links,names,followers,emerge_date)"
                    + " and seeds.csv (column labels).",
            "The database can be analysed, exported and rendered like a crawled one, but not crawled: the files"
                    + " hold no SoundCloud ids. --db must not exist; it appears complete or not at all."
        })
final class ImportCommand implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init")
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    VerboseMixin verbose = new VerboseMixin();

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

    @Option(names = "--db", required = true, paramLabel = "FILE", description = "The new database (SQLite).")
    Path db = Path.of("scmap.db");

    @Override
    public Integer call() throws Exception {
        if (Files.exists(db, LinkOption.NOFOLLOW_LINKS)) {
            throw new CommandFailedException(
                    db + " already exists: scmap import writes a new database and leaves existing files alone");
        }
        long t0 = System.nanoTime();
        InteractionMatrix matrix;
        try (StepBars bars = new StepBars(spec.commandLine().getErr())) {
            matrix = Matrices.importReference(npz, rows, cols, db, Clock.systemUTC(), bars::progress);
        } catch (MatrixFormatException | StoreException e) {
            throw new CommandFailedException(String.valueOf(e.getMessage()), e);
        } catch (NoSuchFileException e) {
            throw new CommandFailedException(e.getFile() + " does not exist", e);
        } catch (IOException e) {
            throw new CommandFailedException("cannot read the files to import: " + e.getMessage(), e);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(
                Locale.ROOT,
                "Imported %,d x %,d (%,d stored cells) from %s into %s in %.1f s; 'scmap analyze --db %s --out DIR'"
                        + " maps it.%n",
                matrix.values().rows(),
                matrix.values().cols(),
                matrix.values().nnz(),
                npz.getFileName(),
                db,
                (System.nanoTime() - t0) / 1e9,
                db);
        stdout.flush();
        return 0;
    }
}
