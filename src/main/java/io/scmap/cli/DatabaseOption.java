package io.scmap.cli;

import io.scmap.store.Store;
import io.scmap.store.StoreException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --db FILE} option of commands that read a crawl database, and the read itself. */
final class DatabaseOption {
    /** One read of an open store. */
    @FunctionalInterface
    interface Reading<T> {
        T read(Store store) throws StoreException;
    }

    @Option(names = "--db", required = true, paramLabel = "FILE", description = "The crawl database.")
    Path db = Path.of("scmap.db");

    /** Opens {@link #db} read-only and reads it; see {@link #read(Path, Reading)}. */
    <T> T read(Reading<T> reading) throws CommandFailedException {
        return read(db, reading);
    }

    /**
     * Opens {@code db} read-only (it must exist), reads it and closes it; a store failure (missing or
     * foreign file, newer schema, broken database) becomes one line naming the file.
     */
    static <T> T read(Path db, Reading<T> reading) throws CommandFailedException {
        try (Store store = Store.openReadOnly(db)) {
            return reading.read(store);
        } catch (StoreException e) {
            throw new CommandFailedException(String.valueOf(e.getMessage()), e);
        }
    }
}
