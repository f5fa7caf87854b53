package io.scmap.map;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything the map files show: the artists with their positions and scenes, the ties between them and
 * each artist's nearest neighbours.
 *
 * <p>Collections are copied on the way in; {@code sceneLabels} is sorted by cluster number. Writers
 * order rows by the points (then by permalink), never by a map's iteration order, so the same atlas
 * always gives the same files.
 *
 * @param title shown in the page header and the GEXF description
 * @param points the artists; permalinks are unique
 * @param edges directed ties; endpoints need not be points (the GEXF keeps only those that are)
 * @param neighbors permalink to the permalinks nearest to it, nearest first
 * @param sceneLabels cluster number to scene label
 */
public record Atlas(
        String title,
        List<MapPoint> points,
        List<MapEdge> edges,
        Map<String, List<String>> neighbors,
        Map<Integer, String> sceneLabels) {
    public Atlas {
        Objects.requireNonNull(title, "title");
        points = List.copyOf(points);
        edges = List.copyOf(edges);
        Set<String> seen = new HashSet<>();
        for (MapPoint p : points) {
            if (!seen.add(p.permalink())) {
                throw new IllegalArgumentException("points: duplicate permalink '" + p.permalink() + "'");
            }
        }
        LinkedHashMap<String, List<String>> near = new LinkedHashMap<>();
        neighbors.forEach((k, v) -> near.put(Objects.requireNonNull(k, "neighbors key"), List.copyOf(v)));
        neighbors = Collections.unmodifiableMap(near);
        TreeMap<Integer, String> labels = new TreeMap<>();
        sceneLabels.forEach((k, v) -> labels.put(
                Objects.requireNonNull(k, "sceneLabels key"), Objects.requireNonNull(v, "sceneLabels value")));
        sceneLabels = Collections.unmodifiableMap(labels);
    }

    /** A copy with another title. */
    public Atlas withTitle(String newTitle) {
        return new Atlas(newTitle, points, edges, neighbors, sceneLabels);
    }
}
