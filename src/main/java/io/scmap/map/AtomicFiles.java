package io.scmap.map;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a file so that readers see either the old file or the complete new one: the content goes to a
 * hidden temporary file in the same directory, is flushed to disk, and is then renamed over the target.
 */
final class AtomicFiles {
    /** Temporary files start with this; the manifest does not list them. */
    static final String TEMP_PREFIX = ".scmap-";

    /** Writes the content of a file. */
    @FunctionalInterface
    interface Content<T> {
        void writeTo(T out) throws IOException;
    }

    private AtomicFiles() {}

    /** Writes UTF-8 text to {@code target} atomically, creating its directory when missing. */
    static void writeText(Path target, Content<Writer> content) throws IOException {
        write(target, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            content.writeTo(w);
            w.flush();
        });
    }

    /** Writes bytes to {@code target} atomically, creating its directory when missing. */
    static void write(Path target, Content<OutputStream> content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null) {
            throw new IllegalArgumentException("target must be a file, got " + target);
        }
        Files.createDirectories(dir);
        Path temp = dir.resolve(TEMP_PREFIX + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel channel =
                    FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            move(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Some file systems (e.g. certain network mounts) cannot rename atomically; a plain replace
            // still never leaves a half-written target behind.
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
