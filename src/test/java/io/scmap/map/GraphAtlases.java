package io.scmap.map;

import io.scmap.source.InteractionType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Atlases with ties, for the graph page's tests and benchmark. */
final class GraphAtlases {
    private GraphAtlases() {}

    /**
     * {@code atlas} with {@code count} random directed ties added: four in five within a scene, the rest
     * anywhere, targets drawn with a preference for well-followed artists, weights 1 to 30 with per-type
     * counts. Duplicates may occur; self-ties do not. Same seed, same atlas.
     */
    static Atlas withTies(Atlas atlas, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<MapPoint> points = atlas.points();
        Map<Integer, List<MapPoint>> byScene = new HashMap<>();
        for (MapPoint p : points) {
            byScene.computeIfAbsent(p.cluster(), k -> new ArrayList<>()).add(p);
        }
        List<MapEdge> edges = new ArrayList<>(atlas.edges());
        while (edges.size() < atlas.edges().size() + count && points.size() > 1) {
            MapPoint source = points.get(random.nextInt(points.size()));
            List<MapPoint> pool = random.nextInt(5) < 4 ? byScene.get(source.cluster()) : points;
            // The larger of two draws: ties lean towards the better followed, as real interactions do.
            MapPoint a = pool.get(random.nextInt(pool.size()));
            MapPoint b = pool.get(random.nextInt(pool.size()));
            MapPoint target = a.followers() >= b.followers() ? a : b;
            if (target.equals(source)) {
                continue;
            }
            int likes = random.nextInt(6);
            int follows = random.nextInt(2);
            int comments = random.nextInt(3);
            double weight = likes + 3.0 * (follows + comments) + 1;
            edges.add(new MapEdge(
                    source.permalink(),
                    target.permalink(),
                    weight,
                    Map.of(
                            InteractionType.LIKE,
                            likes + 1,
                            InteractionType.FOLLOW,
                            follows,
                            InteractionType.COMMENT,
                            comments)));
        }
        return new Atlas(atlas.title(), points, edges, atlas.neighbors(), atlas.sceneLabels());
    }
}
