package io.scmap.map;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the files people open from an {@link Atlas}, and reads the tables back.
 *
 * <ul>
 *   <li>{@code points.csv}, {@code edges.csv}, {@code neighbors.csv}: RFC 4180 tables for pandas, DuckDB
 *       and spreadsheets ({@link #writeTables}, read back by {@link #readAtlas});
 *   <li>{@code map.html}: one offline page, a zoomable scatter with search, cards and legend ({@link
 *       #writeHtml});
 *   <li>{@code graph.html}: one offline page, the ties between the artists as a graph drawn with sigma.js,
 *       with the same search, scene legend and cards ({@link #writeGraphHtml});
 *   <li>{@code map.png} and {@code map.svg}: a static map for print and papers, 3000 pixels wide by default,
 *       with scene labels placed without overlap, legend and title ({@link #writePng}, {@link #writeSvg},
 *       {@link #writeStatic});
 *   <li>{@code graph.gexf}: a GEXF 1.3 graph for Gephi ({@link #writeGexf});
 *   <li>{@code manifest.json}: what made the directory and the SHA-256 of each file, written last ({@link
 *       #writeManifest}).
 * </ul>
 *
 * <p>Every file is written to a temporary file in the same directory and renamed into place, so a reader
 * never sees half a file. Output is deterministic: the same atlas gives the same bytes (the manifest aside,
 * which records the running Java). Every writer is linear in the size of the atlas.
 */
public final class Maps {
    public static final String POINTS = Tables.POINTS;
    public static final String EDGES = Tables.EDGES;
    public static final String NEIGHBORS = Tables.NEIGHBORS;
    public static final String HTML = "map.html";
    public static final String GRAPH_HTML = "graph.html";
    public static final String GEXF = "graph.gexf";
    public static final String PNG = "map.png";
    public static final String SVG = "map.svg";
    public static final String MANIFEST = ManifestWriter.MANIFEST;

    private Maps() {}

    /**
     * Writes {@code points.csv} (permalink, name, followers, emerge_date, generation, x, y, cluster,
     * cluster_label, id), {@code edges.csv} (source, target, weight, likes, comments, reposts, follows) and
     * {@code neighbors.csv} (permalink, rank, neighbor) into {@code dir}, creating it when missing.
     */
    public static void writeTables(Atlas atlas, Path dir) throws IOException {
        Tables.write(atlas, dir);
    }

    /** Writes the self-contained interactive page. */
    public static void writeHtml(Atlas atlas, Path file) throws IOException {
        AtomicFiles.writeText(file, out -> HtmlWriter.write(atlas, out));
    }

    /**
     * Writes the self-contained graph page: the atlas's points as nodes at their map positions, sized by
     * followers and coloured by scene, and the ties between them as edges (ties to artists off the map and
     * to oneself are left out). Hovering a node highlights its neighbours; clicking it opens the artist on
     * SoundCloud; a search and a scene legend work as on the map. An atlas without ties still gives a
     * working page, of nodes only.
     */
    public static void writeGraphHtml(Atlas atlas, Path file) throws IOException {
        AtomicFiles.writeText(file, out -> GraphWriter.write(atlas, out));
    }

    /** Writes the static map as PNG with the default parameters (3000 pixels wide, coloured by scene). */
    public static void writePng(Atlas atlas, Path file) throws IOException {
        writePng(atlas, file, StaticMapParams.DEFAULTS);
    }

    /**
     * Writes the static map as PNG: the artists as dots coloured by scene or generation, scene labels
     * placed greedily without overlap (labels that find no room are left out), legend, title and a credit
     * line. The same atlas and parameters give the same bytes. Runs headless (it sets {@code
     * java.awt.headless} unless already set) but needs an installed font.
     */
    public static void writePng(Atlas atlas, Path file, StaticMapParams params) throws IOException {
        StaticLayout layout = StaticLayout.of(atlas, params);
        AtomicFiles.write(file, out -> StaticPainter.writePng(StaticPainter.paint(layout), out));
    }

    /** Writes the static map as SVG with the default parameters. */
    public static void writeSvg(Atlas atlas, Path file) throws IOException {
        writeSvg(atlas, file, StaticMapParams.DEFAULTS);
    }

    /**
     * Writes the static map as SVG: the same layout as the PNG, with title, legend and labels as text and
     * the dots as circles, or as one embedded PNG image above {@link StaticMapParams#svgCircleLimit()}
     * artists.
     */
    public static void writeSvg(Atlas atlas, Path file, StaticMapParams params) throws IOException {
        StaticLayout layout = StaticLayout.of(atlas, params);
        AtomicFiles.writeText(file, out -> SvgWriter.write(layout, atlas.title(), params, out));
    }

    /**
     * Writes {@code map.png} and {@code map.svg} into {@code dir} from one layout, and returns what the
     * manifest records of them: the parameters, the image size and how many scene labels were placed and
     * left out.
     */
    public static Map<String, Object> writeStatic(Atlas atlas, Path dir, StaticMapParams params) throws IOException {
        StaticLayout layout = StaticLayout.of(atlas, params);
        AtomicFiles.write(dir.resolve(PNG), out -> StaticPainter.writePng(StaticPainter.paint(layout), out));
        AtomicFiles.writeText(dir.resolve(SVG), out -> SvgWriter.write(layout, atlas.title(), params, out));
        Map<String, Object> summary = new LinkedHashMap<>(params.toMap());
        summary.put("height", layout.height);
        summary.put("labelsPlaced", layout.labels.placed().size());
        summary.put("labelsDropped", layout.labels.dropped().size());
        summary.put("svgPoints", SvgWriter.embedsImage(layout, params) ? "embedded image" : "circles");
        return summary;
    }

    /** Writes the GEXF graph with the default parameters (ties heavier than 3). */
    public static void writeGexf(Atlas atlas, Path file) throws IOException {
        writeGexf(atlas, file, GexfParams.DEFAULTS);
    }

    /** Writes the GEXF graph; see {@link GexfParams} for which ties it keeps. */
    public static void writeGexf(Atlas atlas, Path file, GexfParams params) throws IOException {
        AtomicFiles.writeText(file, out -> GexfWriter.write(atlas, params, out));
    }

    /**
     * Reads an atlas from the tables in {@code dir}: {@code points.csv} is required (with at least the
     * columns permalink, x, y), {@code edges.csv} and {@code neighbors.csv} are read when present. The
     * title is the directory's name (see {@link Atlas#withTitle}).
     *
     * @throws MapFormatException when a table is malformed; the message names file, row and column
     */
    public static Atlas readAtlas(Path dir) throws IOException, MapFormatException {
        return TableReader.read(dir);
    }

    /**
     * Writes {@code manifest.json} into {@code dir}: tool version, Java, operating system, then {@code
     * sections} in order (e.g. "command", "parameters", "seeds", "counts", "timings", "metrics"; values
     * may be maps, lists, strings, numbers, booleans, records, times and paths), then the path, size and
     * SHA-256 of every other file under {@code dir}. Call it after every other file is written.
     *
     * @throws IllegalArgumentException when a section is named tool, java, os or files
     */
    public static void writeManifest(Path dir, Map<String, ?> sections) throws IOException {
        ManifestWriter.write(dir, sections);
    }

    /**
     * Writes everything into {@code dir} with the default static map: see {@link #writeAll(Atlas, Path,
     * GexfParams, StaticMapParams, Map)}.
     */
    public static void writeAll(Atlas atlas, Path dir, GexfParams gexf, Map<String, ?> sections) throws IOException {
        writeAll(atlas, dir, gexf, StaticMapParams.DEFAULTS, sections);
    }

    /**
     * Writes everything into {@code dir}: the tables, {@code map.html}, {@code graph.html}, {@code map.png},
     * {@code map.svg}, {@code graph.gexf}, then the manifest with {@code sections} and a "map" section holding the GEXF and
     * static map parameters and counts.
     */
    public static void writeAll(
            Atlas atlas, Path dir, GexfParams gexf, StaticMapParams staticMap, Map<String, ?> sections)
            throws IOException {
        writeTables(atlas, dir);
        writeHtml(atlas, dir.resolve(HTML));
        writeGraphHtml(atlas, dir.resolve(GRAPH_HTML));
        Map<String, Object> drawn = writeStatic(atlas, dir, staticMap);
        writeGexf(atlas, dir.resolve(GEXF), gexf);
        Map<String, Object> all = new LinkedHashMap<>(sections);
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("gexf", gexf.toMap());
        map.put("static", drawn);
        map.put("points", atlas.points().size());
        map.put("edges", atlas.edges().size());
        map.put("scenes", Scenes.of(atlas).size());
        all.putIfAbsent("map", map);
        writeManifest(dir, all);
    }

    /** The SHA-256 of a file's bytes as lowercase hex, e.g. to record the inputs of a run in the manifest. */
    public static String sha256(Path file) throws IOException {
        return ManifestWriter.sha256(file);
    }

    /** The tool version from the jar manifest, or "development" when running from classes. */
    public static String toolVersion() {
        return Versions.tool();
    }
}
