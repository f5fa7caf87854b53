package io.scmap.embed;

/**
 * Exact euclidean k nearest neighbours by comparing every pair: O(n^2 dim) time, O(n k) memory.
 * Queries are processed four at a time against each candidate so that a candidate is read once per
 * four distances. Deterministic: ties are broken by index and each query's result is computed by one
 * task.
 */
final class BruteForceNeighbors implements NeighborSearch {
    /** Queries per task; fixed, though any split gives the same result. */
    private static final int BLOCK = 64;

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
        Heap[] heaps = new Heap[4];
        for (int h = 0; h < 4; h++) {
            heaps[h] = new Heap(k - 1);
        }
        int q = from;
        for (; q + 4 <= to; q += 4) {
            for (Heap h : heaps) {
                h.clear();
            }
            scanFour(x, n, dim, q, heaps);
            for (int h = 0; h < 4; h++) {
                heaps[h].writeSorted(q + h, k, indices, distances);
            }
        }
        for (; q < to; q++) {
            Heap h = heaps[0];
            h.clear();
            int qo = q * dim;
            for (int j = 0; j < n; j++) {
                if (j != q) {
                    h.offer(squaredDistance(x, qo, j * dim, dim), j);
                }
            }
            h.writeSorted(q, k, indices, distances);
        }
    }

    /** Offers every candidate to the heaps of queries {@code q .. q+3}. */
    private static void scanFour(double[] x, int n, int dim, int q, Heap[] heaps) {
        int o0 = q * dim;
        int o1 = o0 + dim;
        int o2 = o1 + dim;
        int o3 = o2 + dim;
        for (int j = 0; j < n; j++) {
            int jo = j * dim;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int d = 0; d < dim; d++) {
                double c = x[jo + d];
                double e0 = x[o0 + d] - c;
                double e1 = x[o1 + d] - c;
                double e2 = x[o2 + d] - c;
                double e3 = x[o3 + d] - c;
                s0 += e0 * e0;
                s1 += e1 * e1;
                s2 += e2 * e2;
                s3 += e3 * e3;
            }
            if (j != q) {
                heaps[0].offer(s0, j);
            }
            if (j != q + 1) {
                heaps[1].offer(s1, j);
            }
            if (j != q + 2) {
                heaps[2].offer(s2, j);
            }
            if (j != q + 3) {
                heaps[3].offer(s3, j);
            }
        }
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
