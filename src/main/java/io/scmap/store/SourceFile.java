package io.scmap.store;

import java.util.Locale;
import java.util.Objects;

/**
 * A file an imported store was made from.
 *
 * @param name the file's name (without its folder)
 * @param sha256 the SHA-256 of its bytes, 64 lower-case hex digits
 */
public record SourceFile(String name, String sha256) {
    public SourceFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
        sha256 = sha256.toLowerCase(Locale.ROOT);
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 hex digits, got '" + sha256 + "'");
        }
    }
}
