package io.scmap.map;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * The scenes (clusters) of an atlas with what the map needs to draw them: label, colour, where the label
 * goes (the median of the members' coordinates, which stays inside a curved cluster more often than the
 * mean does) and size. O(n log n) in the number of points.
 */
final class Scenes {
    /** One scene: cluster number, label, colour, label position and member count. */
    record Scene(int cluster, String label, String colour, double x, double y, int size) {}

    private Scenes() {}

    /** The scenes of {@code atlas}, ordered by cluster number; noise is not a scene. */
    static List<Scene> of(Atlas atlas) {
        TreeMap<Integer, List<double[]>> members = new TreeMap<>();
        TreeMap<Integer, String> pointLabels = new TreeMap<>();
        atlas.points().stream().filter(p -> !p.isNoise()).forEach(p -> {
            members.computeIfAbsent(p.cluster(), k -> new ArrayList<>()).add(new double[] {p.x(), p.y()});
            if (!p.clusterLabel().isEmpty()) {
                pointLabels.putIfAbsent(p.cluster(), p.clusterLabel());
            }
        });
        List<Scene> scenes = new ArrayList<>(members.size());
        int rank = 0;
        for (var e : members.entrySet()) {
            int c = e.getKey();
            String label = atlas.sceneLabels().getOrDefault(c, pointLabels.getOrDefault(c, "scene " + c));
            List<double[]> xy = e.getValue();
            scenes.add(new Scene(c, label, Palette.scene(rank++), median(xy, 0), median(xy, 1), xy.size()));
        }
        return scenes;
    }

    private static double median(List<double[]> xy, int axis) {
        double[] v = xy.stream().mapToDouble(p -> p[axis]).toArray();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
