package io.scmap.map;

import io.scmap.cluster.Generation;
import io.scmap.source.InteractionType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Writes an atlas as three CSV tables: {@code points.csv}, {@code edges.csv} and {@code neighbors.csv}.
 * Unknown values (follower count, id, emerge date, generation) are empty cells; coordinates are written
 * with {@link Double#toString} so that they read back exactly.
 */
final class Tables {
    static final String POINTS = "points.csv";
    static final String EDGES = "edges.csv";
    static final String NEIGHBORS = "neighbors.csv";

    static final List<String> POINT_COLUMNS = List.of(
            "permalink", "name", "followers", "emerge_date", "generation", "x", "y", "cluster", "cluster_label", "id");
    static final List<String> EDGE_COLUMNS =
            List.of("source", "target", "weight", "likes", "comments", "reposts", "follows");
    static final List<String> NEIGHBOR_COLUMNS = List.of("permalink", "rank", "neighbor");

    private Tables() {}

    /** The edges.csv column holding counts of {@code type}: likes, comments, reposts, follows. */
    static String countColumn(InteractionType type) {
        return type.name().toLowerCase(Locale.ROOT) + "s";
    }

    static void write(Atlas atlas, Path dir) throws IOException {
        AtomicFiles.writeText(dir.resolve(POINTS), w -> writePoints(atlas.points(), new CsvWriter(w)));
        AtomicFiles.writeText(dir.resolve(EDGES), w -> writeEdges(atlas.edges(), new CsvWriter(w)));
        AtomicFiles.writeText(dir.resolve(NEIGHBORS), w -> writeNeighbors(atlas, new CsvWriter(w)));
    }

    private static void writePoints(List<MapPoint> points, CsvWriter csv) throws IOException {
        csv.write(POINT_COLUMNS);
        for (MapPoint p : points) {
            Generation g = p.generation();
            csv.write(
                    p.permalink(),
                    p.name(),
                    unknownIfNegative(p.followers()),
                    p.emergeDate() == null ? "" : p.emergeDate().toString(),
                    g == null ? "" : g.label(),
                    Double.toString(p.x()),
                    Double.toString(p.y()),
                    Integer.toString(p.cluster()),
                    p.clusterLabel(),
                    unknownIfNegative(p.id()));
        }
    }

    private static void writeEdges(List<MapEdge> edges, CsvWriter csv) throws IOException {
        csv.write(EDGE_COLUMNS);
        List<String> row = new ArrayList<>(EDGE_COLUMNS.size());
        for (MapEdge e : edges) {
            row.clear();
            row.add(e.source());
            row.add(e.target());
            row.add(Double.toString(e.weight()));
            for (InteractionType type : InteractionType.values()) {
                row.add(Integer.toString(e.count(type)));
            }
            csv.write(row);
        }
    }

    /** Rows in the order of the points, then neighbour lists of other permalinks sorted, so output is stable. */
    private static void writeNeighbors(Atlas atlas, CsvWriter csv) throws IOException {
        csv.write(NEIGHBOR_COLUMNS);
        Map<String, List<String>> neighbors = atlas.neighbors();
        Set<String> written = new HashSet<>();
        for (MapPoint p : atlas.points()) {
            List<String> near = neighbors.get(p.permalink());
            if (near != null) {
                writeNeighbors(p.permalink(), near, csv);
                written.add(p.permalink());
            }
        }
        for (Map.Entry<String, List<String>> e : new TreeMap<>(neighbors).entrySet()) {
            if (!written.contains(e.getKey())) {
                writeNeighbors(e.getKey(), e.getValue(), csv);
            }
        }
    }

    private static void writeNeighbors(String permalink, List<String> near, CsvWriter csv) throws IOException {
        for (int rank = 1; rank <= near.size(); rank++) {
            csv.write(permalink, Integer.toString(rank), near.get(rank - 1));
        }
    }

    private static String unknownIfNegative(long value) {
        return value < 0 ? "" : Long.toString(value);
    }

    /** The generation whose label or name is {@code text} (an ASCII hyphen may stand for the en dash). */
    static @Nullable Generation generation(String text) {
        String t = text.strip().replace('-', '–');
        for (Generation g : Generation.values()) {
            if (g.label().equalsIgnoreCase(t) || g.name().equalsIgnoreCase(text.strip())) {
                return g;
            }
        }
        return null;
    }
}
