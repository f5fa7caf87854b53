package io.scmap.cluster;

/**
 * The n - 1 edges of a minimum spanning tree under mutual reachability distance: endpoints as original
 * point indices with {@code from < to}, and the squared mutual reachability distance of each edge.
 *
 * <p>Edges are compared by the strict total order (weight, from, to); under it the minimum spanning tree
 * is unique, so every correct algorithm returns the same edge set.
 */
final class SpanningTree {
    final int[] from;
    final int[] to;
    final double[] weightSquared;
    private int count;

    SpanningTree(int points) {
        int edges = Math.max(0, points - 1);
        from = new int[edges];
        to = new int[edges];
        weightSquared = new double[edges];
    }

    void add(int a, int b, double squared) {
        from[count] = Math.min(a, b);
        to[count] = Math.max(a, b);
        weightSquared[count] = squared;
        count++;
    }

    int edgeCount() {
        return count;
    }

    /** Whether edge (w1, a1, b1) precedes edge (w2, a2, b2), each pair given as (smaller, larger). */
    static boolean precedes(double w1, int a1, int b1, double w2, int a2, int b2) {
        if (w1 != w2) {
            return w1 < w2;
        }
        return a1 != a2 ? a1 < a2 : b1 < b2;
    }
}
