package io.scmap.cluster;

import java.util.Arrays;

/**
 * HDBSCAN (Campello, Moulavi and Sander 2013, "Density-Based Clustering Based on Hierarchical Density
 * Estimates"), accelerated as in McInnes and Healy 2017 and matching the Python hdbscan library's {@code
 * HDBSCAN(metric='euclidean', cluster_selection_method='eom')}, written as its named steps:
 *
 * <ol>
 *   <li>{@link #coreDistancesSquared}: a point's core distance is the distance to its k-th nearest point
 *       <em>counting itself</em>, with k = {@code minSamples + 1}; i.e. its {@code minSamples}-th nearest
 *       other point. This is what the library does: {@code _hdbscan_prims_kdtree} and {@code
 *       _hdbscan_boruvka_kdtree} query the KD-tree with {@code k=min_samples + 1} and take the last column
 *       (the Borůvka code reads column {@code min_samples}), and the generic path takes row {@code
 *       min_points} of the partitioned distance matrix. scikit-learn's own {@code sklearn.cluster.HDBSCAN}
 *       differs: its {@code min_samples} includes the point itself, so its core distance is one neighbour
 *       closer; the library's {@code match_reference_implementation=True} also subtracts one. The reference
 *       used the library, so we follow the library. As there, {@code minSamples} is clamped to n - 1.
 *   <li>{@link BoruvkaSpanningTree}: minimum spanning tree of the mutual reachability graph.
 *   <li>{@link SingleLinkageTree}: the dendrogram from the sorted tree edges.
 *   <li>{@link CondensedTree}: prune it with {@code minClusterSize}.
 *   <li>{@link ClusterSelection}: excess of mass, cluster_selection_epsilon, labels and probabilities.
 *   <li>{@link #canonicalClustering}: number clusters by size, largest first, ties by smallest member.
 * </ol>
 *
 * Points with a non-finite coordinate are left out and labelled noise with probability 0, as the library's
 * {@code HDBSCAN.fit} does. Time about O(n log² n) in two dimensions (the k-d tree degrades towards O(n²)
 * in high dimensions); memory O(n).
 *
 * <p>Determinism: mutual reachability distances tie exactly all the time (an edge often weighs one
 * endpoint's core distance), and the order in which tied merges enter the dendrogram changes the
 * condensed tree; the library leaves that order to its sort and traversal. Here points are first sorted
 * by their coordinates and every tie is broken in that order, so identical input gives identical output
 * and permuting the input only permutes the result (exactly duplicated points are interchangeable).
 */
final class Hdbscan {
    private Hdbscan() {}

    /** Clusters n points of {@code dim} coordinates each, stored row by row in {@code coordinates}. */
    static Clustering cluster(double[] coordinates, int dim, HdbscanParams params) {
        int n = coordinates.length / dim;
        int[] kept = canonicalOrder(coordinates, dim, finiteRows(coordinates, dim));
        int m = kept.length;
        if (m < 2) {
            return new Clustering(filled(n, Clustering.NOISE), new double[n]);
        }
        double[] compact = new double[m * dim];
        for (int i = 0; i < m; i++) {
            System.arraycopy(coordinates, kept[i] * dim, compact, i * dim, dim);
        }
        int minSamples = Math.max(1, Math.min(m - 1, params.minSamples()));
        KdTree tree = new KdTree(compact, dim);
        double[] core = coreDistancesSquared(tree, minSamples);
        SpanningTree spanningTree = BoruvkaSpanningTree.build(tree, core);
        SingleLinkageTree dendrogram = SingleLinkageTree.of(spanningTree, m);
        CondensedTree condensed = CondensedTree.condense(dendrogram, params.minClusterSize());
        ClusterSelection selection =
                ClusterSelection.select(condensed, params.clusterSelectionEpsilon(), params.allowSingleCluster());
        int[] labels = filled(n, Clustering.NOISE);
        double[] probabilities = new double[n];
        for (int i = 0; i < m; i++) {
            labels[kept[i]] = selection.clusterOf[i];
            probabilities[kept[i]] = selection.probability[i];
        }
        return canonicalClustering(labels, probabilities);
    }

    /** Squared core distance of every point, by original index: the (minSamples + 1)-th smallest, self included. */
    static double[] coreDistancesSquared(KdTree tree, int minSamples) {
        double[] core = new double[tree.size];
        KdTree.NeighbourHeap heap = new KdTree.NeighbourHeap(minSamples + 1, true);
        for (int i = 0; i < tree.size; i++) {
            heap.clear();
            tree.nearest(i, true, heap);
            core[i] = heap.worst();
        }
        return core;
    }

    /** Renumbers non-negative cluster ids as 0..k-1 by size descending, ties by first member; keeps -1. */
    static Clustering canonicalClustering(int[] labels, double[] probabilities) {
        int maxId = -1;
        for (int label : labels) {
            maxId = Math.max(maxId, label);
        }
        int[] size = new int[maxId + 1];
        int[] first = new int[maxId + 1];
        for (int i = labels.length - 1; i >= 0; i--) {
            if (labels[i] >= 0) {
                size[labels[i]]++;
                first[labels[i]] = i;
            }
        }
        int present = 0;
        for (int s : size) {
            present += s > 0 ? 1 : 0;
        }
        Integer[] ids = new Integer[present];
        for (int id = 0, k = 0; id <= maxId; id++) {
            if (size[id] > 0) {
                ids[k++] = id;
            }
        }
        Arrays.sort(
                ids,
                (a, b) -> size[a] != size[b] ? Integer.compare(size[b], size[a]) : Integer.compare(first[a], first[b]));
        int[] number = new int[maxId + 1];
        for (int k = 0; k < ids.length; k++) {
            number[ids[k]] = k;
        }
        int[] result = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            result[i] = labels[i] < 0 ? Clustering.NOISE : number[labels[i]];
        }
        return new Clustering(result, probabilities);
    }

    /**
     * The rows sorted by their coordinates (lexicographically, then by index). Clustering in this order
     * makes every tie-break below depend on where points are, not on how the input was ordered: the
     * mutual reachability graph is full of exactly equal weights (an edge often weighs one endpoint's core
     * distance), and the order in which tied merges enter the dendrogram changes the condensed tree.
     */
    private static int[] canonicalOrder(double[] coordinates, int dim, int[] rows) {
        Integer[] order = new Integer[rows.length];
        for (int i = 0; i < rows.length; i++) {
            order[i] = rows[i];
        }
        Arrays.sort(order, (a, b) -> {
            for (int k = 0; k < dim; k++) {
                int byCoordinate = Double.compare(coordinates[a * dim + k], coordinates[b * dim + k]);
                if (byCoordinate != 0) {
                    return byCoordinate;
                }
            }
            return Integer.compare(a, b);
        });
        int[] result = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            result[i] = order[i];
        }
        return result;
    }

    private static int[] finiteRows(double[] coordinates, int dim) {
        int n = coordinates.length / dim;
        int[] kept = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            boolean finite = true;
            for (int k = 0; k < dim; k++) {
                finite &= Double.isFinite(coordinates[i * dim + k]);
            }
            if (finite) {
                kept[m++] = i;
            }
        }
        return Arrays.copyOf(kept, m);
    }

    private static int[] filled(int n, int value) {
        int[] a = new int[n];
        Arrays.fill(a, value);
        return a;
    }
}
