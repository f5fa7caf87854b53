package io.scmap.cluster;

import java.util.Arrays;

/**
 * The condensed cluster tree of Campello, Moulavi and Sander (2013), section 3.2, as the hdbscan library
 * builds it: the single-linkage dendrogram walked top-down in breadth-first order, where a split into two
 * sides of at least {@code minClusterSize} points creates two new clusters, and any smaller side is
 * recorded as its points falling out of the current cluster at that level.
 *
 * <p>Levels are densities λ = 1 / distance (∞ at distance 0). Rows are (parent cluster, child, λ, child
 * size) where a child below {@link #points} is a point and one at or above it is a cluster; cluster ids
 * start at {@code points} (the root) and are handed out in breadth-first order, so a parent's id is always
 * below its children's. Rows and ids come out in the same order as the library's {@code condense_tree},
 * so floating-point sums over them match it. O(n) after the dendrogram.
 */
final class CondensedTree {
    final int points;
    int rowCount;
    int[] parent;
    int[] child;
    double[] lambda;
    int[] childSize;

    int clusterCount;
    /** Per cluster (index = id - points): its parent cluster id, or -1 for the root. */
    int[] clusterParent;
    /** Per cluster: λ at which it was born (0 for the root). */
    double[] birth;
    /** Per cluster: its two child cluster ids, or -1 when it never splits. */
    int[] firstChild;

    int[] secondChild;

    private CondensedTree(int points, int minClusterSize) {
        this.points = points;
        int maxClusters = 2 * (points / minClusterSize) + 1;
        int maxRows = points + maxClusters;
        parent = new int[maxRows];
        child = new int[maxRows];
        lambda = new double[maxRows];
        childSize = new int[maxRows];
        clusterParent = new int[maxClusters];
        birth = new double[maxClusters];
        firstChild = new int[maxClusters];
        secondChild = new int[maxClusters];
        Arrays.fill(firstChild, -1);
        Arrays.fill(secondChild, -1);
        clusterParent[0] = -1;
        clusterCount = 1;
    }

    /** Condenses a dendrogram of at least two points. */
    static CondensedTree condense(SingleLinkageTree dendrogram, int minClusterSize) {
        int n = dendrogram.points;
        CondensedTree result = new CondensedTree(n, minClusterSize);
        int[] relabel = new int[2 * n - 1];
        int[] queue = new int[n];
        int[] scratch = new int[2 * n - 1];
        int head = 0;
        int tail = 0;
        int root = dendrogram.root();
        relabel[root] = n;
        queue[tail++] = root;
        while (head < tail) {
            int node = queue[head++];
            int m = node - n;
            int l = dendrogram.left[m];
            int r = dendrogram.right[m];
            double d = dendrogram.distance[m];
            double level = d > 0 ? 1.0 / d : Double.POSITIVE_INFINITY;
            int leftCount = dendrogram.sizeOf(l);
            int rightCount = dendrogram.sizeOf(r);
            int current = relabel[node];
            boolean leftBig = leftCount >= minClusterSize;
            boolean rightBig = rightCount >= minClusterSize;
            if (leftBig && rightBig) {
                relabel[l] = result.addCluster(current, level, leftCount);
                relabel[r] = result.addCluster(current, level, rightCount);
                queue[tail++] = l;
                queue[tail++] = r;
            } else if (!leftBig && !rightBig) {
                result.fallOut(dendrogram, l, current, level, scratch);
                result.fallOut(dendrogram, r, current, level, scratch);
            } else if (!leftBig) {
                relabel[r] = current;
                result.fallOut(dendrogram, l, current, level, scratch);
                queue[tail++] = r;
            } else {
                relabel[l] = current;
                result.fallOut(dendrogram, r, current, level, scratch);
                queue[tail++] = l;
            }
        }
        return result;
    }

    private int addCluster(int parentId, double level, int size) {
        int id = points + clusterCount;
        int p = parentId - points;
        if (firstChild[p] < 0) {
            firstChild[p] = id;
        } else {
            secondChild[p] = id;
        }
        clusterParent[clusterCount] = parentId;
        birth[clusterCount] = level;
        clusterCount++;
        addRow(parentId, id, level, size);
        return id;
    }

    /** Records every point under dendrogram node {@code top} as leaving {@code cluster} at {@code level}. */
    private void fallOut(SingleLinkageTree dendrogram, int top, int cluster, double level, int[] scratch) {
        // Breadth-first, like the library's bfs_from_hierarchy, so the row order matches its own.
        int head = 0;
        int tail = 0;
        scratch[tail++] = top;
        while (head < tail) {
            int node = scratch[head++];
            if (node < points) {
                addRow(cluster, node, level, 1);
            } else {
                scratch[tail++] = dendrogram.left[node - points];
                scratch[tail++] = dendrogram.right[node - points];
            }
        }
    }

    private void addRow(int parentId, int childId, double level, int size) {
        parent[rowCount] = parentId;
        child[rowCount] = childId;
        lambda[rowCount] = level;
        childSize[rowCount] = size;
        rowCount++;
    }

    /**
     * Stability of each cluster (index = id - points): Σ over its rows of (λ_row − λ_birth) × child size,
     * summed in row order as the library's {@code compute_stability} does.
     */
    double[] stabilities() {
        double[] stability = new double[clusterCount];
        for (int row = 0; row < rowCount; row++) {
            int c = parent[row] - points;
            stability[c] += (lambda[row] - birth[c]) * childSize[row];
        }
        return stability;
    }

    /** The largest λ among each cluster's rows: the level where its last point or child leaves. */
    double[] deaths() {
        double[] death = new double[clusterCount];
        for (int row = 0; row < rowCount; row++) {
            int c = parent[row] - points;
            death[c] = Math.max(death[c], lambda[row]);
        }
        return death;
    }

    /** The λ at which each point leaves the tree, by point index, and its parent cluster id. */
    void pointRows(double[] levelOut, int[] parentOut) {
        for (int row = 0; row < rowCount; row++) {
            if (child[row] < points) {
                levelOut[child[row]] = lambda[row];
                parentOut[child[row]] = parent[row];
            }
        }
    }
}
