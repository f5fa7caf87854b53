package io.scmap.cluster;

import java.util.List;
import java.util.Map;

/**
 * The cluster stage: HDBSCAN on the 2-D map, scene labels, nearest neighbours in the map and agreement
 * scores against a ground truth. Stateless; every method is deterministic (no randomness is involved) and
 * copies nothing it keeps.
 */
public final class Clusterer {
    private Clusterer() {}

    /**
     * Clusters 2-D points with HDBSCAN exactly as the reference's {@code hdbscan.HDBSCAN(...)} call does
     * (euclidean, excess of mass; see {@link HdbscanParams}). A point's core distance is the distance to
     * its {@code minSamples}-th nearest other point, as in the hdbscan library (scikit-learn's own HDBSCAN
     * counts the point itself and so differs by one neighbour).
     *
     * <p>Noise is {@link Clustering#NOISE}; clusters are numbered by size, largest first. Points with a
     * non-finite coordinate are noise. About O(n log² n) time and O(n) memory (k-d tree Borůvka spanning
     * tree), so 100k points take seconds. Same input, same output; permuting the input permutes the result,
     * because exactly tied distances are resolved by the points' coordinates, not their positions.
     *
     * @throws IllegalArgumentException when {@code x} and {@code y} differ in length
     */
    public static Clustering hdbscan(double[] x, double[] y, HdbscanParams params) {
        checkSameLength("y", x.length, y.length);
        double[] coordinates = new double[2 * x.length];
        for (int i = 0; i < x.length; i++) {
            coordinates[2 * i] = x[i];
            coordinates[2 * i + 1] = y[i];
        }
        return Hdbscan.cluster(coordinates, 2, params);
    }

    /**
     * Clusters points of any dimension, one row per point, as {@link #hdbscan(double[], double[],
     * HdbscanParams)} does. The k-d tree loses its edge beyond about ten dimensions, where time tends
     * towards O(n²).
     *
     * @throws IllegalArgumentException when rows differ in length or have no coordinates
     */
    public static Clustering hdbscan(double[][] points, HdbscanParams params) {
        int dim = points.length == 0 ? 1 : points[0].length;
        if (dim == 0) {
            throw new IllegalArgumentException("points[0] must have at least one coordinate, got 0");
        }
        double[] coordinates = new double[points.length * dim];
        for (int i = 0; i < points.length; i++) {
            checkSameLength("points[" + i + "]", dim, points[i].length);
            System.arraycopy(points[i], 0, coordinates, i * dim, dim);
        }
        return Hdbscan.cluster(coordinates, dim, params);
    }

    /**
     * A short label per cluster (noise has none) from its most central and most interacted-with members'
     * display names, joined with " · ". See the rule below; names are tidied (whitespace collapsed, cut
     * to 24 characters) but not escaped, as the renderer escapes.
     *
     * <p>Rule: rank the cluster's members by distance to its coordinate-wise median (nearest first) and by
     * {@code weight} (largest first, e.g. how much the other scraped accounts interact with them); order
     * them by the sum of both rank scores 1 − rank/m, then by weight, then by index; take the first {@code
     * top} distinct non-blank names. O(n log n), deterministic.
     *
     * @param names display name of every point
     * @param weight non-negative importance of every point
     * @param top how many names per label, at least 1 (the reference-like default is 3)
     * @return labels keyed by cluster number, in cluster order, unmodifiable
     * @throws IllegalArgumentException when lengths differ from the clustering's, top &lt; 1, or a weight
     *     or coordinate of a clustered point is not finite
     */
    public static Map<Integer, String> sceneLabels(
            Clustering clustering, double[] x, double[] y, List<String> names, double[] weight, int top) {
        int n = clustering.size();
        checkSameLength("x", n, x.length);
        checkSameLength("y", n, y.length);
        checkSameLength("names", n, names.size());
        checkSameLength("weight", n, weight.length);
        if (top < 1) {
            throw new IllegalArgumentException("top must be >= 1, got " + top);
        }
        for (int i = 0; i < n; i++) {
            if (clustering.label(i) != Clustering.NOISE) {
                checkFinite("x", i, x[i]);
                checkFinite("y", i, y[i]);
                checkFinite("weight", i, weight[i]);
            }
        }
        return SceneLabeller.label(clustering, x, y, List.copyOf(names), weight, top);
    }

    /**
     * The {@code k} nearest other points of every point in the plane, nearest first, ties by smaller
     * index; a point's duplicates count as neighbours at distance 0. Rows have {@code min(k, n - 1)}
     * entries. Exact, via a k-d tree: about O(n k log n), so 100k points take well under a second per
     * few neighbours.
     *
     * @throws IllegalArgumentException when lengths differ, k &lt; 0 or a coordinate is not finite
     */
    public static int[][] nearestNeighbors(double[] x, double[] y, int k) {
        checkSameLength("y", x.length, y.length);
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, got " + k);
        }
        double[] coordinates = new double[2 * x.length];
        for (int i = 0; i < x.length; i++) {
            checkFinite("x", i, x[i]);
            checkFinite("y", i, y[i]);
            coordinates[2 * i] = x[i];
            coordinates[2 * i + 1] = y[i];
        }
        return NeighbourFinder.nearest(new KdTree(coordinates, 2), Math.min(k, Math.max(0, x.length - 1)));
    }

    /**
     * The adjusted Rand index of two labelings, as scikit-learn's {@code adjusted_rand_score}: 1.0 for
     * identical partitions (whatever the label values), about 0 for independent ones, down to −0.5. Labels
     * are compared as given: noise (−1) is one more label. 1.0 when there are fewer than two points or no
     * disagreeing pairs. O(n log n).
     *
     * @throws IllegalArgumentException when lengths differ
     */
    public static double adjustedRandIndex(int[] a, int[] b) {
        return RandIndex.adjusted(a, b);
    }

    /**
     * {@link #adjustedRandIndex(int[], int[])} for string labels, e.g. scene names from a ground truth
     * file against cluster numbers written as text. Labels are compared by {@link String#equals}.
     */
    public static double adjustedRandIndex(List<String> a, List<String> b) {
        return RandIndex.adjusted(List.copyOf(a), List.copyOf(b));
    }

    private static void checkSameLength(String name, int expected, int actual) {
        if (expected != actual) {
            throw new IllegalArgumentException(name + " must have " + expected + " entries, got " + actual);
        }
    }

    private static void checkFinite(String name, int i, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + "[" + i + "] must be finite, got " + value);
        }
    }
}
