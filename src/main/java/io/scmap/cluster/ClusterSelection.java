package io.scmap.cluster;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Picks the flat clustering out of a condensed tree and labels the points, as the hdbscan library's
 * {@code get_clusters} does with {@code cluster_selection_method='eom'}.
 *
 * <ol>
 *   <li><b>Excess of mass</b> (Campello et al. 2013, section 3.3): bottom-up, a cluster is kept when its
 *       stability is at least the summed stability of its children, otherwise it is dropped and inherits
 *       that sum; keeping a cluster drops everything below it. The root takes part only when {@code
 *       allowSingleCluster}. Like the library, the children's sum is rounded to single precision before
 *       the comparison (it is held in a C {@code float} there).
 *   <li><b>Epsilon</b> (Malzer and Baum 2019, as implemented in the library): when ε > 0, a selected cluster
 *       born at distance 1/λ below ε is replaced by its nearest ancestor born above ε, or by the root's
 *       child on its path if none is (the root itself only with {@code allowSingleCluster}).
 *   <li><b>Labelling</b>: a point takes the selected cluster that is its nearest ancestor, else noise. With
 *       the root as the single selected cluster, only points leaving at λ ≥ 1/ε (or, for ε = 0, at the
 *       root's largest λ) are labelled. Membership probability is min(λ_point, λ_death) / λ_death of the
 *       point's cluster (1 when λ_death is 0 or λ_point is infinite); noise gets 0.
 * </ol>
 */
final class ClusterSelection {
    /** Per point: selected cluster id (a condensed-tree id), or -1 for noise. */
    final int[] clusterOf;

    final double[] probability;

    private ClusterSelection(int points) {
        clusterOf = new int[points];
        probability = new double[points];
    }

    /** Selects clusters in {@code tree} and labels its points. */
    static ClusterSelection select(CondensedTree tree, double epsilon, boolean allowSingleCluster) {
        boolean[] selected = excessOfMass(tree, allowSingleCluster);
        if (epsilon != 0.0 && tree.clusterCount > 1) {
            selected = applyEpsilon(tree, selected, epsilon, allowSingleCluster);
        }
        return label(tree, selected, epsilon, allowSingleCluster);
    }

    private static boolean[] excessOfMass(CondensedTree tree, boolean allowSingleCluster) {
        double[] stability = tree.stabilities();
        boolean[] selected = new boolean[tree.clusterCount];
        int lowest = allowSingleCluster ? 0 : 1;
        for (int c = lowest; c < tree.clusterCount; c++) {
            selected[c] = true;
        }
        // Ids grow downwards, so a descending sweep sees children before parents.
        for (int c = tree.clusterCount - 1; c >= lowest; c--) {
            double children = 0.0;
            if (tree.firstChild[c] >= 0) {
                children = stability[tree.firstChild[c] - tree.points] + stability[tree.secondChild[c] - tree.points];
            }
            double rounded = (float) children;
            if (rounded > stability[c]) {
                selected[c] = false;
                stability[c] = rounded;
            } else {
                forEachDescendant(tree, c, d -> selected[d] = false);
            }
        }
        return selected;
    }

    private static boolean[] applyEpsilon(CondensedTree tree, boolean[] eom, double epsilon, boolean allowSingle) {
        boolean[] result = new boolean[tree.clusterCount];
        int selectedCount = 0;
        for (boolean s : eom) {
            selectedCount += s ? 1 : 0;
        }
        if (selectedCount == 1 && eom[0]) {
            result[0] = allowSingle;
            return result;
        }
        boolean[] processed = new boolean[tree.clusterCount];
        for (int c = 0; c < tree.clusterCount; c++) {
            if (!eom[c]) {
                continue;
            }
            if (1.0 / tree.birth[c] < epsilon) {
                if (!processed[c]) {
                    int ancestor = traverseUpwards(tree, c, epsilon, allowSingle);
                    result[ancestor] = true;
                    forEachDescendant(tree, ancestor, d -> processed[d] = true);
                }
            } else {
                result[c] = true;
            }
        }
        return result;
    }

    /** The nearest ancestor of cluster index {@code c} born at a distance above epsilon (see class doc). */
    private static int traverseUpwards(CondensedTree tree, int c, double epsilon, boolean allowSingle) {
        int current = c;
        while (true) {
            int parent = tree.clusterParent[current] - tree.points;
            if (parent == 0) {
                return allowSingle ? 0 : current;
            }
            if (1.0 / tree.birth[parent] > epsilon) {
                return parent;
            }
            current = parent;
        }
    }

    private static ClusterSelection label(
            CondensedTree tree, boolean[] selected, double epsilon, boolean allowSingleCluster) {
        int n = tree.points;
        int[] nearestSelected = new int[tree.clusterCount];
        int selectedCount = 0;
        for (int c = 0; c < tree.clusterCount; c++) {
            selectedCount += selected[c] ? 1 : 0;
            if (selected[c]) {
                nearestSelected[c] = c;
            } else {
                nearestSelected[c] = c == 0 ? -1 : nearestSelected[tree.clusterParent[c] - n];
            }
        }
        double rootLevel = rootThreshold(tree, epsilon);
        double[] level = new double[n];
        int[] parent = new int[n];
        tree.pointRows(level, parent);
        double[] death = tree.deaths();
        ClusterSelection result = new ClusterSelection(n);
        for (int p = 0; p < n; p++) {
            int c = nearestSelected[parent[p] - n];
            if (c == 0 && !(selectedCount == 1 && allowSingleCluster && level[p] >= rootLevel)) {
                c = -1;
            }
            result.clusterOf[p] = c < 0 ? -1 : c + n;
            if (c >= 0) {
                boolean certain = death[c] == 0.0 || Double.isInfinite(level[p]);
                result.probability[p] = certain ? 1.0 : Math.min(level[p], death[c]) / death[c];
            }
        }
        return result;
    }

    /** The λ a point must reach to join the root when the root is the only cluster. */
    private static double rootThreshold(CondensedTree tree, double epsilon) {
        if (epsilon != 0.0) {
            return 1.0 / epsilon;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int row = 0; row < tree.rowCount; row++) {
            if (tree.parent[row] == tree.points) {
                max = Math.max(max, tree.lambda[row]);
            }
        }
        return max;
    }

    /** Calls {@code action} with the index of every cluster strictly below cluster index {@code c}. */
    private static void forEachDescendant(CondensedTree tree, int c, java.util.function.IntConsumer action) {
        Deque<Integer> pending = new ArrayDeque<>();
        pending.add(c);
        while (!pending.isEmpty()) {
            int node = pending.poll();
            if (node != c) {
                action.accept(node);
            }
            if (tree.firstChild[node] >= 0) {
                pending.add(tree.firstChild[node] - tree.points);
                pending.add(tree.secondChild[node] - tree.points);
            }
        }
    }
}
