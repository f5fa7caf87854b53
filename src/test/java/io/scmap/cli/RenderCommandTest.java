package io.scmap.cli;

import static io.scmap.cli.CliRun.assertOneLineError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scmap.cluster.Generation;
import io.scmap.map.Atlas;
import io.scmap.map.MapPoint;
import io.scmap.map.Maps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scmap render} of hand-made tables: the files it writes and the static map's colouring. */
class RenderCommandTest {
    @TempDir
    Path dir;

    private Path tables;

    /** Two scenes whose artists span all six generations, so scene and generation colours differ. */
    @BeforeEach
    void writeTables() throws Exception {
        List<MapPoint> points = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            int cluster = i % 2;
            LocalDate emerged = LocalDate.of(2010 + i % 13, 6, 1);
            points.add(new MapPoint(
                    i + 1,
                    "artist-" + i,
                    "Artist " + i,
                    100 + i,
                    emerged,
                    Generation.of(emerged),
                    cluster * 10 + (i % 7),
                    (i % 5) * 2.0,
                    cluster,
                    "scene " + cluster));
        }
        tables = Files.createDirectories(dir.resolve("tables"));
        Maps.writeTables(new Atlas("test", points, List.of(), Map.of(), Map.of(0, "scene 0", 1, "scene 1")), tables);
    }

    private CliRun render(Path out, String... options) {
        List<String> args = new ArrayList<>(
                List.of("render", "--in", tables.toString(), "--out", out.toString(), "--width", "600"));
        args.addAll(List.of(options));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static JsonNode staticSection(Path out) throws Exception {
        return new ObjectMapper()
                .readTree(out.resolve(Maps.MANIFEST).toFile())
                .path("render")
                .path("static");
    }

    @Test
    void writesEveryMapFileAndSaysWhereTheyAre() throws Exception {
        Path out = dir.resolve("all");
        CliRun run = render(out);

        assertThat(run.exitCode()).as(run.err()).isZero();
        for (String file : List.of(Maps.HTML, Maps.GRAPH_HTML, Maps.PNG, Maps.SVG, Maps.GEXF, Maps.MANIFEST)) {
            assertThat(out.resolve(file)).as(file).isNotEmptyFile();
        }
        assertThat(Files.readString(out.resolve(Maps.GRAPH_HTML))).contains("graphology", "Sigma");
        assertThat(run.out()).contains("Map: ", Maps.HTML, "Graph: ", Maps.GRAPH_HTML);
    }

    @Test
    void colourByGenerationDrawsAnotherPngAndRecordsIt() throws Exception {
        Path byScene = dir.resolve("scene");
        Path byGeneration = dir.resolve("generation");
        CliRun plain = render(byScene);
        CliRun coloured = render(byGeneration, "--colour", "Generation");

        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(coloured.exitCode()).as(coloured.err()).isZero();
        assertThat(Files.readAllBytes(byGeneration.resolve(Maps.PNG)))
                .isNotEqualTo(Files.readAllBytes(byScene.resolve(Maps.PNG)));
        assertThat(staticSection(byScene).path("colouring").asText()).isEqualTo("scene");
        assertThat(staticSection(byGeneration).path("colouring").asText()).isEqualTo("generation");
        CliRun explicit = render(dir.resolve("explicit"), "--colour", "scene");
        assertThat(Files.readAllBytes(dir.resolve("explicit").resolve(Maps.PNG)))
                .as(explicit.err())
                .isEqualTo(Files.readAllBytes(byScene.resolve(Maps.PNG)));
    }

    @Test
    void anUnknownColouringIsAUsageErrorNamingTheChoices() {
        assertOneLineError(render(dir.resolve("x"), "--colour", "followers"), 2, "--colour", "scene, generation");
        assertThat(CliRun.of("render", "--help").out()).contains("--colour=BY", "show: scene,", "generation; scene =");
    }
}
