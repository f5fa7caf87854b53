package io.scmap.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {
    @TempDir
    Path dir;

    @Test
    void listsTheSizeAndSha256OfEveryOtherFile() throws Exception {
        Maps.writeAll(SampleAtlases.hostile(), dir, GexfParams.DEFAULTS, Map.of());
        Files.createDirectories(dir.resolve("extra"));
        Files.writeString(dir.resolve("extra/notes.txt"), "hello");
        Maps.writeManifest(dir, Map.of());
        JsonNode manifest = read();
        List<String> paths = new ArrayList<>();
        for (JsonNode f : manifest.get("files")) {
            Path file = dir.resolve(f.get("path").asText());
            paths.add(f.get("path").asText());
            assertThat(f.get("bytes").asLong()).isEqualTo(Files.size(file));
            assertThat(f.get("sha256").asText()).isEqualTo(sha256(file)).isEqualTo(Maps.sha256(file));
        }
        assertThat(paths)
                .containsExactly(
                        "edges.csv",
                        "extra/notes.txt",
                        "graph.gexf",
                        "graph.html",
                        "map.html",
                        "map.png",
                        "map.svg",
                        "neighbors.csv",
                        "points.csv");
    }

    @Test
    void isWrittenLast() throws Exception {
        Maps.writeAll(SampleAtlases.hostile(), dir, GexfParams.DEFAULTS, Map.of());
        FileTime manifest = Files.getLastModifiedTime(dir.resolve(Maps.MANIFEST));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                assertThat(Files.getLastModifiedTime(f)).isLessThanOrEqualTo(manifest);
            }
        }
    }

    @Test
    void recordsToolJavaOsAndTheSectionsInOrder() throws Exception {
        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put("command", List.of("scmap", "render", "--in", "x"));
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("zeta", 1);
        parameters.put("alpha", 2.5);
        sections.put("parameters", parameters);
        Map<String, Object> unordered = new HashMap<>();
        for (String k : List.of("k9", "k1", "k5", "k3", "k7")) {
            unordered.put(k, k.length());
        }
        sections.put("counts", unordered);
        sections.put(
                "timings", Map.of("started", Instant.parse("2024-05-01T10:00:00Z"), "took", Duration.ofMillis(1500)));
        sections.put("input", dir.resolve("points.csv"));
        sections.put("seeds", new java.util.HashSet<>(List.of(30L, 4L, 100L, 2L)));
        Maps.writeManifest(dir, sections);
        JsonNode m = read();
        assertThat(fieldNames(m))
                .containsExactly(
                        "tool", "java", "os", "command", "parameters", "counts", "timings", "input", "seeds", "files");
        assertThat(m.get("tool").get("version").asText()).isEqualTo(Maps.toolVersion());
        assertThat(m.get("java").get("version").asText()).isEqualTo(System.getProperty("java.version"));
        assertThat(m.get("os").get("name").asText()).isEqualTo(System.getProperty("os.name"));
        assertThat(fieldNames(m.get("parameters"))).containsExactly("zeta", "alpha");
        assertThat(fieldNames(m.get("counts"))).containsExactly("k1", "k3", "k5", "k7", "k9");
        assertThat(m.get("timings").get("started").asText()).isEqualTo("2024-05-01T10:00:00Z");
        assertThat(m.get("timings").get("took").asText()).isEqualTo("PT1.5S");
        assertThat(m.get("input").asText()).isEqualTo(dir.resolve("points.csv").toString());
        assertThat(m.get("seeds").toString()).isEqualTo("[100,2,30,4]");
        assertThat(m.get("files")).isEmpty();
    }

    @Test
    void refusesSectionsThatWouldHideItsOwnEntries() {
        assertThatThrownBy(() -> Maps.writeManifest(dir, Map.of("files", List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sections must not redefine 'files'");
    }

    @Test
    void writeAllAddsAMapSectionWithCounts() throws Exception {
        Maps.writeAll(SampleAtlases.hostile(), dir, GexfParams.DEFAULTS, Map.of("seed", 42));
        JsonNode m = read();
        assertThat(m.get("seed").asInt()).isEqualTo(42);
        assertThat(m.get("map").get("points").asInt()).isEqualTo(14);
        assertThat(m.get("map").get("scenes").asInt()).isEqualTo(2);
        assertThat(m.get("map").get("gexf").get("minEdgeWeight").asDouble()).isEqualTo(3.0);
        JsonNode drawn = m.get("map").get("static");
        assertThat(drawn.get("width").asInt()).isEqualTo(3000);
        assertThat(drawn.get("colouring").asText()).isEqualTo("scene");
        assertThat(drawn.get("labelsPlaced").asInt()
                        + drawn.get("labelsDropped").asInt())
                .isEqualTo(2);
        assertThat(drawn.get("svgPoints").asText()).isEqualTo("circles");
    }

    private JsonNode read() throws Exception {
        String text = Files.readString(dir.resolve(Maps.MANIFEST));
        assertThat(text).endsWith("}\n");
        return new ObjectMapper().readTree(text);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
