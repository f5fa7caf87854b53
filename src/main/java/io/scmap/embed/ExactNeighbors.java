package io.scmap.embed;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Exact euclidean k nearest neighbours, pruned so that far-away points cost little:
 *
 * <ol>
 *   <li>group the points into about {@code sqrt(n)} clusters (two deterministic Lloyd rounds from
 *       evenly spaced points) and note each cluster's radius;
 *   <li>per query, visit clusters by distance to their centre, skipping a cluster when the triangle
 *       inequality puts all of it beyond the current k-th distance;
 *   <li>abandon a candidate as soon as its partial squared distance exceeds the current k-th
 *       (partial distance search), which is quick when the leading dimensions carry most of the
 *       variance, as SVD scores do.
 * </ol>
 *
 * <p>Neither shortcut changes the result: it equals a full scan, ties broken by index. O(n^2 dim) at
 * worst, about O(n sqrt(n) dim) on clustered data; O(n k) memory. Deterministic, whatever the threads.
 */
final class ExactNeighbors implements NeighborSearch {
    /** Queries per task; fixed, though any split gives the same result. */
    private static final int BLOCK = 64;

    /** Dimensions summed between checks against the current k-th distance. */
    private static final int ABANDON_CHECK = 8;

    /** Below this many points one cluster holds them all. */
    private static final int MIN_CLUSTERED = 256;

    private static final int LLOYD_ROUNDS = 2;

    /** The exact search draws no randomness. */
    @Override
    public Neighbors search(
            double[] points, int n, int dim, int k, SplittableRandom random, Parallel par, EmbedListener listener) {
        return search(points, n, dim, k, par, listener);
    }

    @Override
    public Map<String, Object> report() {
        return Map.of("knn", "exact");
    }

    /** Returns the neighbours of every point, the point itself first; see {@link NeighborSearch#search}. */
    Neighbors search(double[] points, int n, int dim, int k, Parallel par, EmbedListener listener) {
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k must be in [1, " + n + "], got " + k);
        }
        Clusters cl = Clusters.build(points, n, dim, par);
        int[] indices = new int[n * k];
        double[] distances = new double[n * k];
        int blocks = (n + BLOCK - 1) / BLOCK;
        par.forEach(
                blocks,
                b -> searchBlock(cl, dim, k, b * BLOCK, Math.min(n, (b + 1) * BLOCK), indices, distances),
                done -> listener.progress("knn", (double) done / blocks));
        return new Neighbors(n, k, indices, distances);
    }

    /** Answers the queries at clustered positions {@code [from, to)}: neighbours of one cluster at a time. */
    private static void searchBlock(Clusters cl, int dim, int k, int from, int to, int[] indices, double[] distances) {
        NeighborHeap heap = new NeighborHeap(k - 1);
        double[] centreDistance = new double[cl.count];
        long[] visitOrder = new long[cl.count];
        for (int pos = from; pos < to; pos++) {
            int q = cl.order[pos];
            heap.clear();
            if (k > 1) {
                int qo = pos * dim;
                for (int c = 0; c < cl.count; c++) {
                    centreDistance[c] = Math.sqrt(squaredDistance(cl.points, qo, cl.centres, c * dim, dim));
                    // the visiting order is only a heuristic, so float precision is enough to sort by
                    visitOrder[c] = ((long) Float.floatToIntBits((float) centreDistance[c]) << 32) | c;
                }
                Arrays.sort(visitOrder);
                for (long key : visitOrder) {
                    int c = (int) key;
                    if (!heap.isFull() || !beyond(centreDistance[c], cl.radius[c], heap.worst())) {
                        scan(cl, qo, dim, q, cl.start[c], cl.start[c + 1], heap);
                    }
                }
            }
            heap.writeSorted(q, k, indices, distances);
        }
    }

    /** True when every point within {@code radius} of a centre at {@code centre} lies beyond {@code worst}. */
    private static boolean beyond(double centre, double radius, double worst) {
        double gap = centre - radius - 1e-9 * (centre + radius); // slack for rounding: never prune too much
        return gap > 0 && gap * gap > worst;
    }

    private static void scan(Clusters cl, int qo, int dim, int q, int from, int to, NeighborHeap heap) {
        for (int pos = from; pos < to; pos++) {
            int j = cl.order[pos];
            if (j == q) {
                continue;
            }
            double bound = heap.isFull() ? heap.worst() : Double.POSITIVE_INFINITY;
            double d = boundedSquaredDistance(cl.points, qo, pos * dim, dim, bound);
            if (d <= bound) {
                heap.offer(d, j);
            }
        }
    }

    /**
     * The squared distance, or a partial sum {@code > bound} as soon as one exceeds it. Sums run in the
     * same order either way, so distances kept are exact, and a candidate tied with the bound is still
     * offered for the tie-break by index.
     */
    private static double boundedSquaredDistance(double[] x, int a, int b, int dim, double bound) {
        double s = 0;
        int d = 0;
        while (d < dim) {
            int end = Math.min(dim, d + ABANDON_CHECK);
            for (; d < end; d++) {
                double e = x[a + d] - x[b + d];
                s += e * e;
            }
            if (s > bound) {
                return s;
            }
        }
        return s;
    }

    /** Squared euclidean distance between {@code x[a..a+dim)} and {@code y[b..b+dim)}. */
    static double squaredDistance(double[] x, int a, double[] y, int b, int dim) {
        double s = 0;
        for (int d = 0; d < dim; d++) {
            double e = x[a + d] - y[b + d];
            s += e * e;
        }
        return s;
    }

    /** Squared euclidean distance between two rows of one array. */
    static double squaredDistance(double[] x, int a, int b, int dim) {
        return squaredDistance(x, a, x, b, dim);
    }

    /**
     * A partition of the points into clusters with centres and radii, and a copy of the points stored
     * cluster by cluster so that scanning a cluster reads memory in sequence. Only speed depends on
     * the partition's quality.
     */
    static final class Clusters {
        final int count;
        final double[] centres;
        final double[] radius;

        /** Original index of the point at each clustered position. */
        final int[] order;

        /** Cluster {@code c} holds positions {@code [start[c], start[c + 1])}. */
        final int[] start;

        /** The points in clustered order, row-major. */
        final double[] points;

        private Clusters(int count, double[] centres, double[] radius, int[] order, int[] start, double[] points) {
            this.count = count;
            this.centres = centres;
            this.radius = radius;
            this.order = order;
            this.start = start;
            this.points = points;
        }

        static Clusters build(double[] x, int n, int dim, Parallel par) {
            int count = n < MIN_CLUSTERED ? 1 : (int) Math.round(Math.sqrt(n));
            double[] centres = new double[count * dim];
            for (int c = 0; c < count; c++) {
                System.arraycopy(x, (int) ((long) c * n / count) * dim, centres, c * dim, dim);
            }
            int[] label = new int[n];
            for (int round = 0; round <= LLOYD_ROUNDS; round++) {
                assign(x, n, dim, centres, count, label, par);
                if (round < LLOYD_ROUNDS) {
                    moveToMeans(x, n, dim, centres, count, label);
                }
            }
            double[] radius = new double[count];
            int[] start = new int[count + 1];
            for (int i = 0; i < n; i++) {
                int c = label[i];
                radius[c] = Math.max(radius[c], Math.sqrt(squaredDistance(x, i * dim, centres, c * dim, dim)));
                start[c + 1]++;
            }
            for (int c = 0; c < count; c++) {
                start[c + 1] += start[c];
            }
            int[] next = Arrays.copyOf(start, count);
            int[] order = new int[n];
            double[] points = new double[n * dim];
            for (int i = 0; i < n; i++) {
                int pos = next[label[i]]++;
                order[pos] = i;
                System.arraycopy(x, i * dim, points, pos * dim, dim);
            }
            return new Clusters(count, centres, radius, order, start, points);
        }

        private static void assign(double[] x, int n, int dim, double[] centres, int count, int[] label, Parallel par) {
            int[] bounds = Parallel.ranges(n, 8 * par.threads());
            par.forEach(bounds.length - 1, b -> {
                for (int i = bounds[b]; i < bounds[b + 1]; i++) {
                    int best = 0;
                    double bestDistance = Double.POSITIVE_INFINITY;
                    for (int c = 0; c < count; c++) {
                        double d = squaredDistance(x, i * dim, centres, c * dim, dim);
                        if (d < bestDistance) {
                            bestDistance = d;
                            best = c;
                        }
                    }
                    label[i] = best;
                }
            });
        }

        private static void moveToMeans(double[] x, int n, int dim, double[] centres, int count, int[] label) {
            double[] sum = new double[count * dim];
            int[] size = new int[count];
            for (int i = 0; i < n; i++) {
                size[label[i]]++;
                for (int d = 0; d < dim; d++) {
                    sum[label[i] * dim + d] += x[i * dim + d];
                }
            }
            for (int c = 0; c < count; c++) {
                for (int d = 0; d < dim && size[c] > 0; d++) {
                    centres[c * dim + d] = sum[c * dim + d] / size[c];
                }
            }
        }
    }
}
