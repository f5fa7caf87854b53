package io.scmap.cluster;

/**
 * The O(n²) textbook Prim's algorithm on the mutual reachability graph, used as an oracle for {@link
 * BoruvkaSpanningTree}: with the same strict edge order it must return exactly the same edges.
 */
final class PrimOracle {
    private PrimOracle() {}

    /** Edges as {from, to} pairs (from < to), sorted by the spanning tree's edge order. */
    static SpanningTree build(double[] coordinates, int dim, double[] coreSquared) {
        int n = coreSquared.length;
        SpanningTree result = new SpanningTree(n);
        boolean[] inTree = new boolean[n];
        double[] bestWeight = new double[n];
        int[] bestVia = new int[n];
        java.util.Arrays.fill(bestWeight, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(bestVia, Integer.MAX_VALUE);
        int current = 0;
        inTree[0] = true;
        for (int added = 1; added < n; added++) {
            for (int v = 0; v < n; v++) {
                if (inTree[v]) {
                    continue;
                }
                double w = weight(coordinates, dim, coreSquared, current, v);
                if (before(w, current, v, bestWeight[v], bestVia[v], v)) {
                    bestWeight[v] = w;
                    bestVia[v] = current;
                }
            }
            int next = -1;
            for (int v = 0; v < n; v++) {
                if (!inTree[v]
                        && (next < 0 || before(bestWeight[v], bestVia[v], v, bestWeight[next], bestVia[next], next))) {
                    next = v;
                }
            }
            inTree[next] = true;
            result.add(bestVia[next], next, bestWeight[next]);
            current = next;
        }
        return result;
    }

    private static boolean before(double w1, int a1, int b1, double w2, int a2, int b2) {
        if (a2 == Integer.MAX_VALUE) {
            return true;
        }
        return SpanningTree.precedes(w1, Math.min(a1, b1), Math.max(a1, b1), w2, Math.min(a2, b2), Math.max(a2, b2));
    }

    static double weight(double[] coordinates, int dim, double[] coreSquared, int a, int b) {
        double sum = 0;
        for (int k = 0; k < dim; k++) {
            double delta = coordinates[a * dim + k] - coordinates[b * dim + k];
            sum += delta * delta;
        }
        return Math.max(Math.max(coreSquared[a], coreSquared[b]), sum);
    }
}
