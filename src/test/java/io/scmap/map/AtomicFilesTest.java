package io.scmap.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        Path target = dir.resolve("points.csv");
        Files.writeString(target, "old");
        assertThatThrownBy(() -> AtomicFiles.writeText(target, w -> {
                    w.write("half of the new");
                    throw new IOException("disk full");
                }))
                .hasMessage("disk full");
        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(listing()).containsExactly("points.csv");
    }

    @Test
    void replacesTheFileAndCreatesMissingDirectories() throws Exception {
        Path target = dir.resolve("a/b/map.html");
        AtomicFiles.writeText(target, w -> w.write("one"));
        AtomicFiles.writeText(target, w -> w.write("two ü"));
        assertThat(Files.readString(target)).isEqualTo("two ü");
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("map.html");
        }
    }

    private java.util.List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
