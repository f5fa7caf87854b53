package io.scmap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scmap.map.Atlas;
import io.scmap.map.MapFormatException;
import io.scmap.map.Maps;
import io.scmap.map.StaticMapParams;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scmap render}: draws the map from the tables that {@code scmap analyze} wrote. */
@Command(
        name = "render",
        mixinStandardHelpOptions = true,
        description =
                "Draw map.html, graph.html, map.png, map.svg and graph.gexf from points.csv (and edges.csv, neighbors.csv when"
                        + " present).")
final class RenderCommand extends Subcommand {
    @Option(names = "--in", required = true, paramLabel = "DIR", description = "Folder with points.csv.")
    Path in = Path.of(".");

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write (default: the --in folder).")
    @Nullable
    Path out;

    @Option(names = "--title", paramLabel = "T", description = "Title of the map (default: the folder's name).")
    @Nullable
    String title;

    @Option(
            names = "--width",
            paramLabel = "PX",
            description = "Width of map.png and map.svg in pixels, 600 to 10000 (default: ${DEFAULT-VALUE}).")
    int width = StaticMapParams.DEFAULTS.width();

    @Option(
            names = "--colour",
            paramLabel = "BY",
            defaultValue = "scene",
            description = "What the colours of map.png and map.svg show: ${COMPLETION-CANDIDATES}; scene ="
                    + " clusters, unclustered grey; generation = when the artist started uploading, on the"
                    + " plasma scale (default: ${DEFAULT-VALUE}).")
    MapColour colour = MapColour.scene;

    /**
     * The sections of the manifest that {@code scmap analyze} left in the input folder (parameters,
     * counts, timings, metrics), kept so that rendering in place does not lose them; the tool,
     * platform and file hashes are written anew.
     */
    private static Map<String, Object> earlierSections(Path manifest) throws CommandFailedException {
        Map<String, Object> sections = new LinkedHashMap<>();
        if (!Files.isRegularFile(manifest)) {
            return sections;
        }
        try {
            JsonNode earlier = new ObjectMapper().readTree(manifest.toFile());
            Set<String> renewed = Set.of("tool", "java", "os", "files", "render");
            for (Map.Entry<String, JsonNode> field : earlier.properties()) {
                if (!renewed.contains(field.getKey())) {
                    sections.put(field.getKey(), field.getValue());
                }
            }
            return sections;
        } catch (IOException e) {
            throw new CommandFailedException("cannot read " + manifest + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Integer call() throws Exception {
        StaticMapParams staticMap;
        try {
            staticMap = StaticMapParams.DEFAULTS.withWidth(width).withColouring(colour.colouring);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--width must be between " + StaticMapParams.MIN_WIDTH + " and "
                    + StaticMapParams.MAX_WIDTH + ", got " + width);
        }
        if (!Files.isDirectory(in)) {
            throw new CommandFailedException("input folder " + in + " does not exist");
        }
        Atlas atlas;
        try {
            atlas = Maps.readAtlas(in);
        } catch (MapFormatException e) {
            throw new CommandFailedException(String.valueOf(e.getMessage()), e);
        } catch (IOException e) {
            throw new CommandFailedException("cannot read " + in + ": " + e.getMessage(), e);
        }
        if (title != null) {
            atlas = atlas.withTitle(title);
        }
        Path dir = OutputDirectory.prepare(out == null ? in : out);
        Map<String, Object> sections = earlierSections(in.resolve(Maps.MANIFEST));
        Map<String, Object> render = new LinkedHashMap<>();
        render.put("command", ScmapCommand.typed(spec));
        render.put("input", in.toAbsolutePath().normalize().toString());
        render.put("title", atlas.title());
        sections.put("render", render);
        try {
            Maps.writeHtml(atlas, dir.resolve(Maps.HTML));
            Maps.writeGraphHtml(atlas, dir.resolve(Maps.GRAPH_HTML));
            render.put("static", Maps.writeStatic(atlas, dir, staticMap));
            Maps.writeGexf(atlas, dir.resolve(Maps.GEXF));
            Maps.writeManifest(dir, sections);
        } catch (IOException e) {
            throw new CommandFailedException("cannot write to " + dir + ": " + e.getMessage(), e);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(
                "Map: " + dir.resolve(Maps.HTML).toAbsolutePath().normalize().toUri());
        stdout.println("Graph: "
                + dir.resolve(Maps.GRAPH_HTML).toAbsolutePath().normalize().toUri());
        stdout.println("Static map: "
                + dir.resolve(Maps.PNG).toAbsolutePath().normalize().toUri() + " and " + Maps.SVG);
        stdout.flush();
        return 0;
    }
}
