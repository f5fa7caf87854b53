package io.scmap.cluster;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parameters of HDBSCAN, named and checked as in the Python {@code hdbscan} library.
 *
 * <p>{@link #DEFAULTS} reproduce the reference notebook's call {@code hdbscan.HDBSCAN(min_cluster_size=10,
 * min_samples=4, cluster_selection_epsilon=0.09)}: euclidean metric, excess-of-mass selection, {@code
 * allow_single_cluster=False}, {@code match_reference_implementation=False}.
 *
 * @param minClusterSize the smallest group that counts as a cluster rather than points falling out of one
 *     ({@code min_cluster_size}, default 10, at least 2). Larger values give fewer, bigger scenes.
 * @param minSamples the density smoothing: a point's core distance is the distance to its {@code
 *     minSamples}-th nearest <em>other</em> point ({@code min_samples}, default 4, at least 1). Larger values
 *     make more points noise. Clamped to {@code n - 1} for tiny inputs, as the library does.
 * @param clusterSelectionEpsilon a distance below which selected clusters are not split: a selected
 *     cluster born at a distance below it is replaced by its ancestor born above it ({@code
 *     cluster_selection_epsilon}, default 0.09 map units, at least 0; 0 disables it).
 * @param allowSingleCluster whether the whole data set may be returned as one cluster ({@code
 *     allow_single_cluster}, default false).
 */
public record HdbscanParams(
        int minClusterSize, int minSamples, double clusterSelectionEpsilon, boolean allowSingleCluster) {

    /** The reference's parameters: 10, 4, 0.09, false. */
    public static final HdbscanParams DEFAULTS = new HdbscanParams(10, 4, 0.09, false);

    /** Checks every parameter and names the first bad one with its value. */
    public HdbscanParams {
        if (minClusterSize < 2) {
            throw new IllegalArgumentException("minClusterSize must be >= 2, got " + minClusterSize);
        }
        if (minSamples < 1) {
            throw new IllegalArgumentException("minSamples must be >= 1, got " + minSamples);
        }
        if (!(clusterSelectionEpsilon >= 0)) {
            throw new IllegalArgumentException("clusterSelectionEpsilon must be >= 0, got " + clusterSelectionEpsilon);
        }
    }

    /** A copy with {@code minClusterSize} replaced. */
    public HdbscanParams withMinClusterSize(int value) {
        return new HdbscanParams(value, minSamples, clusterSelectionEpsilon, allowSingleCluster);
    }

    /** A copy with {@code minSamples} replaced. */
    public HdbscanParams withMinSamples(int value) {
        return new HdbscanParams(minClusterSize, value, clusterSelectionEpsilon, allowSingleCluster);
    }

    /** A copy with {@code clusterSelectionEpsilon} replaced. */
    public HdbscanParams withClusterSelectionEpsilon(double value) {
        return new HdbscanParams(minClusterSize, minSamples, value, allowSingleCluster);
    }

    /** A copy with {@code allowSingleCluster} replaced. */
    public HdbscanParams withAllowSingleCluster(boolean value) {
        return new HdbscanParams(minClusterSize, minSamples, clusterSelectionEpsilon, value);
    }

    /** The parameters in declaration order, plus the fixed selection method and metric, for the manifest. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("minClusterSize", minClusterSize);
        map.put("minSamples", minSamples);
        map.put("clusterSelectionEpsilon", clusterSelectionEpsilon);
        map.put("allowSingleCluster", allowSingleCluster);
        map.put("clusterSelectionMethod", "eom");
        map.put("metric", "euclidean");
        return map;
    }
}
