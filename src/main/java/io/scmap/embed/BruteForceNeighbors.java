package io.scmap.embed;

/**
 * Exact euclidean k nearest neighbours by comparing every pair: O(n^2 dim) time at worst, O(n k)
 * memory. A candidate is abandoned as soon as its partial squared distance reaches the current k-th
 * (Bentley et al.'s partial distance search), which skips most of the work when the leading
 * dimensions carry most of the variance, as SVD scores do. Deterministic: ties are broken by index and
 * each query's result is computed by one task.
 */
final class BruteForceNeighbors implements NeighborSearch {
    /** Queries per task; fixed, though any split gives the same result. */
    private static final int BLOCK = 64;

    /** Dimensions summed between checks against the current k-th distance. */
    private static final int ABANDON_CHECK = 8;

    @Override
    public Neighbors search(double[] points, int n, int dim, int k, Parallel par, EmbedListener listener) {
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k must be in [1, " + n + "], got " + k);
        }
        int[] indices = new int[n * k];
        double[] distances = new double[n * k];
        int blocks = (n + BLOCK - 1) / BLOCK;
        par.forEach(
                blocks,
                b -> searchBlock(points, n, dim, k, b * BLOCK, Math.min(n, (b + 1) * BLOCK), indices, distances),
                done -> listener.progress("knn", (double) done / blocks));
        return new Neighbors(n, k, indices, distances);
    }

    private static void searchBlock(
            double[] x, int n, int dim, int k, int from, int to, int[] indices, double[] distances) {
        Heap heap = new Heap(k - 1);
        for (int q = from; q < to; q++) {
            heap.clear();
            int qo = q * dim;
            for (int j = 0; j < n && k > 1; j++) {
                if (j == q) {
                    continue;
                }
                double bound = heap.isFull() ? heap.worst() : Double.POSITIVE_INFINITY;
                double d = boundedSquaredDistance(x, qo, j * dim, dim, bound);
                if (d < bound) {
                    heap.offer(d, j);
                }
            }
            heap.writeSorted(q, k, indices, distances);
        }
    }

    /**
     * The squared distance, or some partial sum {@code >= bound} as soon as one reaches it. Candidates
     * come in increasing index order, so one at exactly the bound never enters the heap; the sum runs
     * in the same order either way, so kept distances are exact.
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
            if (s >= bound) {
                return s;
            }
        }
        return s;
    }

    static double squaredDistance(double[] x, int a, int b, int dim) {
        double s = 0;
        for (int d = 0; d < dim; d++) {
            double e = x[a + d] - x[b + d];
            s += e * e;
        }
        return s;
    }

    /** A bounded max-heap of (squared distance, index), largest pair (by distance, then index) on top. */
    static final class Heap {
        private final double[] dist;
        private final int[] idx;
        private int size;

        Heap(int capacity) {
            dist = new double[capacity];
            idx = new int[capacity];
        }

        void clear() {
            size = 0;
        }

        boolean isFull() {
            return size == dist.length;
        }

        /** The largest squared distance held; only when not empty. */
        double worst() {
            return dist[0];
        }

        private boolean greater(double d1, int i1, double d2, int i2) {
            return d1 > d2 || (d1 == d2 && i1 > i2);
        }

        void offer(double d, int i) {
            if (size < dist.length) {
                int c = size++;
                while (c > 0) {
                    int p = (c - 1) >> 1;
                    if (!greater(d, i, dist[p], idx[p])) {
                        break;
                    }
                    dist[c] = dist[p];
                    idx[c] = idx[p];
                    c = p;
                }
                dist[c] = d;
                idx[c] = i;
            } else if (size > 0 && greater(dist[0], idx[0], d, i)) {
                siftDown(d, i);
            }
        }

        private void siftDown(double d, int i) {
            int c = 0;
            while (true) {
                int l = 2 * c + 1;
                if (l >= size) {
                    break;
                }
                int r = l + 1;
                int big = r < size && greater(dist[r], idx[r], dist[l], idx[l]) ? r : l;
                if (!greater(dist[big], idx[big], d, i)) {
                    break;
                }
                dist[c] = dist[big];
                idx[c] = idx[big];
                c = big;
            }
            dist[c] = d;
            idx[c] = i;
        }

        /** Writes the query itself, then the heap's content by increasing distance, as row {@code q}. */
        void writeSorted(int q, int k, int[] indices, double[] distances) {
            int base = q * k;
            indices[base] = q;
            distances[base] = 0;
            int count = size;
            for (int pos = count; pos >= 1; pos--) {
                indices[base + pos] = idx[0];
                distances[base + pos] = Math.sqrt(dist[0]);
                double lastD = dist[size - 1];
                int lastI = idx[size - 1];
                size--;
                if (size > 0) {
                    siftDown(lastD, lastI);
                }
            }
        }
    }
}
