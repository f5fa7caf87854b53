package io.scmap.cli;

import io.scmap.map.Atlas;
import io.scmap.map.MapFormatException;
import io.scmap.map.Maps;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scmap render}: draws the map from the tables that {@code scmap analyze} wrote. */
@Command(
        name = "render",
        mixinStandardHelpOptions = true,
        description = "Draw map.html and graph.gexf from points.csv (and edges.csv, neighbors.csv when present).")
final class RenderCommand implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init")
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    VerboseMixin verbose = new VerboseMixin();

    @Option(names = "--in", required = true, paramLabel = "DIR", description = "Folder with points.csv.")
    Path in = Path.of(".");

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write (default: the --in folder).")
    @Nullable
    Path out;

    @Option(names = "--title", paramLabel = "T", description = "Title of the map (default: the folder's name).")
    @Nullable
    String title;

    @Override
    public Integer call() throws Exception {
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
        Map<String, Object> sections = new LinkedHashMap<>();
        List<String> command = new ArrayList<>(List.of("scmap", "render"));
        command.addAll(spec.commandLine().getParseResult().originalArgs());
        sections.put("command", command);
        sections.put("input", in.toAbsolutePath().normalize().toString());
        try {
            Maps.writeHtml(atlas, dir.resolve(Maps.HTML));
            Maps.writeGexf(atlas, dir.resolve(Maps.GEXF));
            Maps.writeManifest(dir, sections);
        } catch (IOException e) {
            throw new CommandFailedException("cannot write to " + dir + ": " + e.getMessage(), e);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(
                "Map: " + dir.resolve(Maps.HTML).toAbsolutePath().normalize().toUri());
        stdout.flush();
        return 0;
    }
}
