package io.scmap.cli;

import io.scmap.matrix.InteractionMatrix;
import io.scmap.matrix.Matrices;
import io.scmap.matrix.MatrixFormatException;
import io.scmap.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
final class ImportCommand extends Subcommand {
    @Mixin
    ReferenceFiles files = new ReferenceFiles();

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
            matrix = Matrices.importReference(files.npz, files.rows, files.cols, db, Clock.systemUTC(), bars::progress);
        } catch (MatrixFormatException | StoreException e) {
            throw new CommandFailedException(String.valueOf(e.getMessage()), e);
        } catch (IOException e) {
            throw files.unreadable(e);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(
                Locale.ROOT,
                "Imported %,d x %,d (%,d stored cells) from %s into %s in %.1f s; 'scmap analyze --db %s --out DIR'"
                        + " maps it.%n",
                matrix.values().rows(),
                matrix.values().cols(),
                matrix.values().nnz(),
                files.npz.getFileName(),
                db,
                (System.nanoTime() - t0) / 1e9,
                db);
        stdout.flush();
        return 0;
    }
}
