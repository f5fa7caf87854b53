package io.scmap.cluster;

import java.util.Arrays;

/**
 * The single-linkage dendrogram of n points in scipy's layout: merge i creates node {@code n + i} from
 * {@link #left} and {@link #right} (points are nodes {@code 0..n-1}) at {@link #distance}, holding {@link
 * #size} points. The root is node {@code 2n - 2}.
 *
 * <p>Built from a minimum spanning tree by sorting its edges by (weight, smaller endpoint, larger
 * endpoint) and merging with a union-find, as the hdbscan library's {@code label} step does; O(n log n),
 * deterministic.
 */
final class SingleLinkageTree {
    final int points;
    final int[] left;
    final int[] right;
    final double[] distance;
    final int[] size;

    private SingleLinkageTree(int points) {
        this.points = points;
        int merges = Math.max(0, points - 1);
        left = new int[merges];
        right = new int[merges];
        distance = new double[merges];
        size = new int[merges];
    }

    /** The dendrogram of the spanning tree's points; edge weights are squared and become distances here. */
    static SingleLinkageTree of(SpanningTree tree, int points) {
        SingleLinkageTree result = new SingleLinkageTree(points);
        Integer[] order = new Integer[tree.edgeCount()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (i, j) -> {
            if (i.equals(j)) {
                return 0;
            }
            return SpanningTree.precedes(
                            tree.weightSquared[i],
                            tree.from[i],
                            tree.to[i],
                            tree.weightSquared[j],
                            tree.from[j],
                            tree.to[j])
                    ? -1
                    : 1;
        });
        // Union-find over all 2n - 1 nodes; each merge's new node becomes the root of both sides.
        int[] parent = new int[Math.max(1, 2 * points - 1)];
        Arrays.fill(parent, -1);
        for (int m = 0; m < order.length; m++) {
            int e = order[m];
            int a = root(parent, tree.from[e]);
            int b = root(parent, tree.to[e]);
            int node = points + m;
            parent[a] = node;
            parent[b] = node;
            result.left[m] = a;
            result.right[m] = b;
            result.distance[m] = Math.sqrt(tree.weightSquared[e]);
            result.size[m] = result.sizeOf(a) + result.sizeOf(b);
        }
        return result;
    }

    private static int root(int[] parent, int x) {
        int r = x;
        while (parent[r] >= 0) {
            r = parent[r];
        }
        while (parent[x] >= 0) {
            int next = parent[x];
            parent[x] = r;
            x = next;
        }
        return r;
    }

    /** Number of points under node {@code node}. */
    int sizeOf(int node) {
        return node < points ? 1 : size[node - points];
    }

    /** The root node id, or -1 when there are fewer than two points. */
    int root() {
        return points < 2 ? -1 : 2 * points - 2;
    }
}
