package io.scmap.map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Writes {@code manifest.json}: what made the files of a directory (tool version, Java, operating system,
 * the caller's sections such as command line, parameters, seeds, counts and timings) and the SHA-256 and
 * size of every other file in it, so that anyone can check that the outputs are the ones described.
 *
 * <p>Key order is stable: insertion order for {@link LinkedHashMap} and sorted maps, sorted by key for
 * other maps (whose iteration order may change between runs); likewise unordered sets are sorted. Times and durations become their ISO text,
 * paths their string. The manifest is written last, by atomic rename. Linear in the size of the files.
 */
final class ManifestWriter {
    static final String MANIFEST = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ManifestWriter() {}

    static void write(Path dir, Map<String, ?> sections) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("tool", ordered("name", "scmap", "version", Versions.tool()));
        manifest.put("java", ordered("version", property("java.version"), "vendor", property("java.vendor")));
        manifest.put(
                "os",
                ordered("name", property("os.name"), "version", property("os.version"), "arch", property("os.arch")));
        sections.forEach((k, v) -> {
            if (manifest.containsKey(k) || k.equals("files")) {
                throw new IllegalArgumentException("sections must not redefine '" + k + "'");
            }
            manifest.put(k, v);
        });
        manifest.put("files", files(dir));
        Object tree = plain(manifest);
        byte[] json = JSON.writeValueAsBytes(tree);
        AtomicFiles.write(dir.resolve(MANIFEST), out -> {
            out.write(json);
            out.write('\n');
        });
    }

    /** Every regular file under {@code dir} except the manifest and temporary files, by path. */
    private static List<Map<String, Object>> files(Path dir) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith(AtomicFiles.TEMP_PREFIX))
                    .filter(p -> !dir.relativize(p).toString().equals(MANIFEST))
                    .sorted()
                    .toList();
        }
        List<Map<String, Object>> files = new ArrayList<>();
        for (Path p : paths) {
            files.add(ordered(
                    "path", dir.relativize(p).toString().replace('\\', '/'),
                    "bytes", Files.size(p),
                    "sha256", sha256(p)));
        }
        return files;
    }

    /** The SHA-256 of a file's bytes, as lowercase hex. */
    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String property(String key) {
        return System.getProperty(key, "unknown");
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** The value with maps in a stable order and values Jackson cannot write by default turned to text. */
    static @Nullable Object plain(@Nullable Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, @Nullable Object> out = map instanceof LinkedHashMap<?, ?> || map instanceof SortedMap<?, ?>
                    ? new LinkedHashMap<>()
                    : new TreeMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
            return out;
        }
        if (value instanceof Collection<?> list) {
            List<@Nullable Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(plain(v)));
            if (list instanceof Set<?> && !(list instanceof LinkedHashSet<?>) && !(list instanceof SortedSet<?>)) {
                out.sort(Comparator.comparing(String::valueOf));
            }
            return out;
        }
        if (value instanceof TemporalAccessor || value instanceof TemporalAmount || value instanceof Path) {
            return value.toString();
        }
        return value;
    }
}
