package io.scmap.map;

import io.scmap.cluster.Generation;
import io.scmap.source.InteractionType;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads an atlas back from the tables {@link Tables} writes. Only {@code points.csv} is required, and in
 * it only the columns permalink, x and y; a missing name defaults to the permalink, missing followers and
 * id to -1 (unknown), a missing cluster to noise, a missing generation column to the generation of the
 * emerge date. Scene labels are taken from the points' cluster labels. Linear in the size of the files.
 */
final class TableReader {
    private TableReader() {}

    static Atlas read(Path dir) throws IOException, MapFormatException {
        Path name = dir.toAbsolutePath().getFileName();
        String title = name == null ? "scmap" : name.toString();
        List<MapPoint> points = readPoints(dir.resolve(Tables.POINTS));
        Map<Integer, String> labels = new TreeMap<>();
        for (MapPoint p : points) {
            if (!p.isNoise() && !p.clusterLabel().isEmpty()) {
                labels.putIfAbsent(p.cluster(), p.clusterLabel());
            }
        }
        Path edgeFile = dir.resolve(Tables.EDGES);
        List<MapEdge> edges = Files.exists(edgeFile) ? readEdges(edgeFile) : List.of();
        Path neighborFile = dir.resolve(Tables.NEIGHBORS);
        Map<String, List<String>> neighbors = Files.exists(neighborFile) ? readNeighbors(neighborFile) : Map.of();
        return new Atlas(title, points, edges, neighbors, labels);
    }

    private static Reader open(Path file) throws IOException {
        return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }

    static List<MapPoint> readPoints(Path file) throws IOException, MapFormatException {
        String fileName = String.valueOf(file.getFileName());
        List<MapPoint> points = new ArrayList<>();
        Map<String, Integer> rowOf = new HashMap<>();
        try (Reader in = open(file)) {
            CsvTable t = CsvTable.open(in, fileName, List.of("permalink", "x", "y"));
            while (t.next()) {
                MapPoint p = point(t);
                Integer earlier = rowOf.putIfAbsent(p.permalink(), t.row());
                if (earlier != null) {
                    throw t.error("permalink '" + CsvTable.shown(p.permalink()) + "' repeats row " + earlier);
                }
                points.add(p);
            }
        }
        if (points.isEmpty()) {
            throw new MapFormatException(fileName + " has no rows");
        }
        return points;
    }

    private static MapPoint point(CsvTable t) throws MapFormatException {
        String permalink = t.text("permalink").strip();
        if (permalink.isEmpty()) {
            throw t.error("column 'permalink' is empty");
        }
        LocalDate emerge = t.date("emerge_date");
        Generation generation;
        if (t.has("generation")) {
            String g = t.text("generation");
            generation = Tables.generation(g);
            if (generation == null && !g.isBlank()) {
                throw t.error("generation", "is not a generation", g);
            }
        } else {
            generation = Generation.of(emerge);
        }
        long cluster = t.integer("cluster", MapPoint.NOISE);
        if (cluster < MapPoint.NOISE || cluster > Integer.MAX_VALUE) {
            throw t.error("cluster", "is not a cluster number (-1 for noise)", t.text("cluster"));
        }
        String name = t.has("name") ? t.text("name") : permalink;
        return new MapPoint(
                t.integer("id", -1),
                permalink,
                name,
                t.integer("followers", -1),
                emerge,
                generation,
                t.number("x"),
                t.number("y"),
                (int) cluster,
                t.text("cluster_label"));
    }

    static List<MapEdge> readEdges(Path file) throws IOException, MapFormatException {
        List<MapEdge> edges = new ArrayList<>();
        try (Reader in = open(file)) {
            CsvTable t = CsvTable.open(in, String.valueOf(file.getFileName()), List.of("source", "target", "weight"));
            while (t.next()) {
                Map<InteractionType, Integer> counts = new EnumMap<>(InteractionType.class);
                for (InteractionType type : InteractionType.values()) {
                    String column = Tables.countColumn(type);
                    long n = t.integer(column, 0);
                    if (n < 0 || n > Integer.MAX_VALUE) {
                        throw t.error(column, "is not a count", t.text(column));
                    }
                    counts.put(type, (int) n);
                }
                edges.add(new MapEdge(t.text("source"), t.text("target"), t.number("weight"), counts));
            }
        }
        return edges;
    }

    static Map<String, List<String>> readNeighbors(Path file) throws IOException, MapFormatException {
        Map<String, TreeMap<Long, String>> ranked = new LinkedHashMap<>();
        try (Reader in = open(file)) {
            CsvTable t =
                    CsvTable.open(in, String.valueOf(file.getFileName()), List.of("permalink", "rank", "neighbor"));
            while (t.next()) {
                long rank = t.integer("rank", -1);
                if (rank < 1) {
                    throw t.error("rank", "is not a rank (1, 2, ...)", t.text("rank"));
                }
                String previous = ranked.computeIfAbsent(t.text("permalink"), k -> new TreeMap<>())
                        .putIfAbsent(rank, t.text("neighbor"));
                if (previous != null) {
                    throw t.error("rank", "repeats for this permalink", t.text("rank"));
                }
            }
        }
        Map<String, List<String>> neighbors = new LinkedHashMap<>();
        ranked.forEach((k, v) -> neighbors.put(k, List.copyOf(v.values())));
        return neighbors;
    }
}
