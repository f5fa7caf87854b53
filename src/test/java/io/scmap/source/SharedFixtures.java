package io.scmap.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The recorded SoundCloud responses in the shared fixtures (SOURCES.md there), for contract tests. */
final class SharedFixtures {
    static final Path DIR =
            Path.of(System.getProperty("scmap.shared", "../shared")).resolve("fixtures/soundcloud");

    private SharedFixtures() {}

    static boolean present() {
        return Files.isDirectory(DIR);
    }

    /** Skips the calling test, visibly and with the reason, when the fixtures are not there. */
    static void assumePresent() {
        Assumptions.assumeTrue(present(), "shared fixtures " + DIR.toAbsolutePath() + " absent: skipping");
    }

    /** A fixture's text, unmodified. */
    static String read(String name) {
        try {
            return Files.readString(DIR.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
