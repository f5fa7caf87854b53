package io.scmap.cli;

import io.scmap.map.Maps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The reference's three files as options ({@code --npz --rows --cols}), as its scraper wrote them or
 * as {@code scmap export} writes them. {@code import} mixes them in; {@code analyze} takes them as an
 * argument group that excludes {@code --db}. All three are required together.
 */
final class ReferenceFiles {
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

    /** The failure to read the files as one line: which file is missing, else what went wrong. */
    CommandFailedException unreadable(IOException e) {
        if (e instanceof NoSuchFileException missing) {
            return new CommandFailedException(missing.getFile() + " does not exist", e);
        }
        return new CommandFailedException("cannot read the reference files: " + e.getMessage(), e);
    }

    /** The three files by role, each with its absolute path, size and SHA-256, for a manifest. */
    Map<String, Object> describe() throws CommandFailedException {
        Map<String, Object> files = new LinkedHashMap<>();
        files.put("npz", fingerprint(npz));
        files.put("rows", fingerprint(rows));
        files.put("cols", fingerprint(cols));
        return files;
    }

    /** One input file's absolute path, size and SHA-256, so an output can be traced to its exact input. */
    static Map<String, Object> fingerprint(Path file) throws CommandFailedException {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("path", file.toAbsolutePath().normalize().toString());
        try {
            entry.put("bytes", Files.size(file));
            entry.put("sha256", Maps.sha256(file));
        } catch (IOException e) {
            throw new CommandFailedException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return entry;
    }
}
