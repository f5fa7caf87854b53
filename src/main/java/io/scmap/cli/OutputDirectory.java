package io.scmap.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks, before any work is done, that an output directory can be created and written. */
final class OutputDirectory {
    private OutputDirectory() {}

    /** Creates {@code dir} if needed and proves it writable with a probe file. */
    static Path prepare(Path dir) throws CommandFailedException {
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new CommandFailedException("output folder " + dir + " is a file, not a folder");
            }
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".scmap-probe", ".tmp");
            Files.delete(probe);
            return dir;
        } catch (IOException e) {
            throw new CommandFailedException("cannot write to the output folder " + dir + " ("
                    + e.getClass().getSimpleName().replace("Exception", "") + ": " + e.getMessage() + ")");
        }
    }
}
