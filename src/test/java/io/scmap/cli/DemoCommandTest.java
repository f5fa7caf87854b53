package io.scmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scmap.cluster.Clusterer;
import io.scmap.map.Atlas;
import io.scmap.map.MapPoint;
import io.scmap.map.Maps;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small demo run end to end: simulate, crawl over HTTP, analyse, render, score. */
@Tag("slow")
class DemoCommandTest {
    @TempDir
    static Path dir;

    static CliRun run;
    static Path out;

    @BeforeAll
    static void runSmallDemo() {
        out = dir.resolve("demo");
        run = CliRun.of("demo", "--out", out.toString(), "--artists", "480", "--scenes", "4", "--seed", "7");
    }

    @Test
    void succeedsAndWritesEveryFile() {
        assertThat(run.exitCode()).as(run.err()).isZero();
        for (String file : List.of(
                "map.html",
                "graph.html",
                "points.csv",
                "edges.csv",
                "neighbors.csv",
                "graph.gexf",
                "manifest.json",
                "truth.csv")) {
            assertThat(out.resolve(file)).isNotEmptyFile();
        }
        assertThat(run.out()).contains("map.html", "graph.html");
    }

    @Test
    void recoversThePlantedScenes() {
        assertThat(printedAri()).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void printedAriMatchesTruthFileAgainstPointsFile() throws Exception {
        Atlas atlas = Maps.readAtlas(out);
        Map<String, String> truth = readTruth(out.resolve("truth.csv"));
        List<String> found = new ArrayList<>();
        List<String> planted = new ArrayList<>();
        for (MapPoint p : atlas.points()) {
            assertThat(truth).containsKey(p.permalink());
            found.add(Integer.toString(p.cluster()));
            planted.add(truth.get(p.permalink()));
        }
        double ari = Clusterer.adjustedRandIndex(found, planted);
        assertThat(ari).isCloseTo(printedAri(), org.assertj.core.data.Offset.offset(0.0005));
    }

    @Test
    void manifestRecordsParametersCountsAndHashes() throws Exception {
        JsonNode manifest =
                new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertThat(manifest.path("simulation").path("artists").asInt()).isEqualTo(480);
        assertThat(manifest.path("crawl").path("scraped").asInt()).isGreaterThan(400);
        assertThat(manifest.path("parameters").path("embed").path("neighbors").asInt())
                .isEqualTo(100);
        assertThat(manifest.path("metrics")
                        .path("adjusted_rand_index_vs_planted")
                        .asDouble())
                .isCloseTo(printedAri(), org.assertj.core.data.Offset.offset(0.0005));
        assertThat(manifest.path("files").toString()).contains("points.csv", "map.html");
    }

    @Test
    void theReferenceFilesExportedFromTheCrawlGiveTheSameMap() throws Exception {
        Path trio = dir.resolve("trio");
        CliRun export = CliRun.of(
                "export", "--db", out.resolve("demo.db").toString(), "--format", "npz", "--out", trio.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        Path again = dir.resolve("again");
        CliRun analyze = CliRun.of(
                "analyze",
                "--npz",
                trio.resolve("sparse_matrix.npz").toString(),
                "--rows",
                trio.resolve("remaining_seeds.csv").toString(),
                "--cols",
                trio.resolve("seeds.csv").toString(),
                "--seed",
                "7",
                "--out",
                again.toString());
        assertThat(analyze.exitCode()).as(analyze.err()).isZero();

        List<MapPoint> fromDb = Maps.readAtlas(out).points();
        List<MapPoint> fromFiles = Maps.readAtlas(again).points();
        assertThat(fromFiles).hasSameSizeAs(fromDb);
        for (int i = 0; i < fromDb.size(); i++) {
            assertThat(fromFiles.get(i).permalink()).isEqualTo(fromDb.get(i).permalink());
            assertThat(fromFiles.get(i).x()).isEqualTo(fromDb.get(i).x());
            assertThat(fromFiles.get(i).y()).isEqualTo(fromDb.get(i).y());
            assertThat(fromFiles.get(i).cluster()).isEqualTo(fromDb.get(i).cluster());
        }
        com.fasterxml.jackson.databind.JsonNode manifest = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(again.resolve("manifest.json").toFile());
        assertThat(manifest.path("input").path("npz").path("sha256").asText())
                .isEqualTo(Maps.sha256(trio.resolve("sparse_matrix.npz")));
        assertThat(manifest.path("input").path("cols").path("bytes").asLong())
                .isEqualTo(Files.size(trio.resolve("seeds.csv")));
        assertThat(manifest.path("timings_seconds").path("read").isNumber()).isTrue();
        assertThat(manifest.path("timings_seconds").path("write").isNumber()).isTrue();
    }

    @Test
    void hostileNamesStayOutOfTheHtmlUnescaped() throws Exception {
        String html = Files.readString(out.resolve("map.html"), StandardCharsets.UTF_8);
        assertThat(html).doesNotContain("<img src=x onerror=alert(1)>");
        assertThat(Files.readString(out.resolve("points.csv"), StandardCharsets.UTF_8))
                .as("the simulated world plants hostile names and the crawl keeps them")
                .contains("<img src=x onerror=alert(1)>");
    }

    private static double printedAri() {
        Matcher m = Pattern.compile("planted scenes: ([0-9.\\-]+)").matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        return Double.parseDouble(m.group(1));
    }

    /** Reads permalink,scene; scene names here hold no quotes or commas beyond RFC 4180 quoting. */
    private static Map<String, String> readTruth(Path file) throws Exception {
        Map<String, String> truth = new HashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("permalink,scene");
        for (String line : lines.subList(1, lines.size())) {
            int comma = line.indexOf(',');
            String scene = line.substring(comma + 1);
            if (scene.startsWith("\"")) {
                scene = scene.substring(1, scene.length() - 1).replace("\"\"", "\"");
            }
            truth.put(line.substring(0, comma), scene);
        }
        return truth;
    }
}
