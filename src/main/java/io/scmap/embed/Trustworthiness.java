package io.scmap.embed;

/**
 * Trustworthiness of a low-dimensional embedding (Venna &amp; Kaski 2001), as scikit-learn's {@code
 * sklearn.manifold.trustworthiness} with euclidean distances: {@code 1 - 2 / (n k (2n - 3k - 1)) *
 * sum over i, over j among i's k nearest in the embedding, of max(0, r(i, j) - k)}, where {@code r(i,
 * j)} is j's rank among i's neighbours in the original space (1 = nearest; ties by index). 1 means no
 * embedded neighbour is a stranger in the original space. O(n^2 (dim + k)) time, O(n) memory per
 * thread; exact integer sums, so deterministic.
 */
final class Trustworthiness {
    private Trustworthiness() {}

    static double compute(double[] high, int highDim, double[] low, int lowDim, int n, int k, Parallel par) {
        if (k < 1 || k >= n / 2.0) {
            throw new IllegalArgumentException("k must be in [1, n / 2) = [1, " + n / 2.0 + "), got " + k);
        }
        int[] bounds = Parallel.ranges(n, 64);
        long[] partial = new long[bounds.length - 1];
        par.forEach(bounds.length - 1, blk -> {
            double[] dist = new double[n];
            int[] lowNeighbors = new int[k];
            NeighborHeap heap = new NeighborHeap(k);
            long sum = 0;
            for (int i = bounds[blk]; i < bounds[blk + 1]; i++) {
                heap.clear();
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        heap.offer(ExactNeighbors.squaredDistance(low, i * lowDim, j * lowDim, lowDim), j);
                    }
                    dist[j] = ExactNeighbors.squaredDistance(high, i * highDim, j * highDim, highDim);
                }
                int[] idx = new int[k + 1];
                double[] unused = new double[k + 1];
                heap.writeSorted(0, k + 1, idx, unused);
                System.arraycopy(idx, 1, lowNeighbors, 0, k);
                for (int j : lowNeighbors) {
                    long rank = rank(dist, i, j);
                    if (rank > k) {
                        sum += rank - k;
                    }
                }
            }
            partial[blk] = sum;
        });
        long total = 0;
        for (long s : partial) {
            total += s;
        }
        return 1.0 - total * (2.0 / (n * (double) k * (2.0 * n - 3.0 * k - 1.0)));
    }

    /** 1 + the number of points other than {@code i} closer to {@code i} than {@code j} (ties by index). */
    private static long rank(double[] dist, int i, int j) {
        double dj = dist[j];
        long closer = 0;
        for (int l = 0; l < dist.length; l++) {
            if (l != i && (dist[l] < dj || (dist[l] == dj && l < j))) {
                closer++;
            }
        }
        return closer + 1;
    }
}
