package io.scmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.scmap.matrix.Matrices;
import io.scmap.matrix.PlantedTrio;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping {@code scmap import} while it writes (as Ctrl-C does) leaves no database and no temporary file. */
@Tag("slow")
class ImportInterruptTest {
    @TempDir
    Path dir;

    private static List<Path> files(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    @Test
    void aStoppedImportLeavesNothingBehind() throws Exception {
        Path trio = Files.createDirectories(dir.resolve("trio"));
        PlantedTrio.write(trio, 20_000, 4, 3);
        Path out = Files.createDirectories(dir.resolve("out"));
        Path db = out.resolve("imported.db");
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "import",
                        "--npz",
                        trio.resolve(Matrices.REFERENCE_NPZ).toString(),
                        "--rows",
                        trio.resolve(Matrices.REFERENCE_ROWS).toString(),
                        "--cols",
                        trio.resolve(Matrices.REFERENCE_COLUMNS).toString(),
                        "--db",
                        db.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("log.txt").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (files(out).isEmpty() && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(process.isAlive())
                .as("the import is still writing its temporary file %s", files(out))
                .isTrue();
        assertThat(files(out)).singleElement().asString().contains(".imported.db.import-");

        process.destroy(); // SIGTERM: the JVM runs its shutdown hooks, as on Ctrl-C
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue())
                .as(Files.readString(dir.resolve("log.txt")))
                .isNotZero();
        assertThat(files(out)).isEmpty();
    }
}
