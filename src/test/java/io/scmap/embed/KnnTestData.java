package io.scmap.embed;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/** Point sets for neighbour searches, row-major, deterministic from a seed; and recall against the truth. */
final class KnnTestData {
    private KnnTestData() {}

    /**
     * Points shaped like SVD scores: variance falling with the dimension's rank, {@code clusters}
     * Gaussian clusters of uneven size (weights falling as 1 / rank) and spread, and a fraction
     * {@code noise} of points uniform over the clusters' range.
     */
    static double[] clustered(int n, int dim, int clusters, double noise, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] scale = new double[dim];
        for (int d = 0; d < dim; d++) {
            scale[d] = 1 / Math.sqrt(1 + d / 4.0);
        }
        double[] centres = new double[clusters * dim];
        double[] spread = new double[clusters];
        double[] cdf = new double[clusters];
        double total = 0;
        for (int c = 0; c < clusters; c++) {
            for (int d = 0; d < dim; d++) {
                centres[c * dim + d] = 3 * scale[d] * r.nextGaussian();
            }
            spread[c] = 0.3 + 0.7 * r.nextDouble();
            total += 1.0 / (c + 1);
            cdf[c] = total;
        }
        double[] x = new double[n * dim];
        for (int i = 0; i < n; i++) {
            if (r.nextDouble() < noise) {
                for (int d = 0; d < dim; d++) {
                    x[i * dim + d] = (r.nextDouble() * 2 - 1) * 8 * scale[d];
                }
                continue;
            }
            double u = r.nextDouble() * total;
            int c = 0;
            while (cdf[c] < u) {
                c++;
            }
            for (int d = 0; d < dim; d++) {
                x[i * dim + d] = centres[c * dim + d] + spread[c] * scale[d] * r.nextGaussian();
            }
        }
        return x;
    }

    /** Points uniform in the unit cube of {@code dim} dimensions: no structure to exploit. */
    static double[] uniform(int n, int dim, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n * dim];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble();
        }
        return x;
    }

    /**
     * Mean over points of the fraction of the true neighbours other than the point itself found, the
     * point's own entry excluded from both.
     */
    static double recall(Neighbors approx, Neighbors exact) {
        int n = exact.size();
        int k = exact.k();
        if (k == 1) {
            return 1;
        }
        int[] a = approx.flatIndices();
        int[] e = exact.flatIndices();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            Set<Integer> truth = new HashSet<>();
            for (int s = 1; s < k; s++) {
                truth.add(e[i * k + s]);
            }
            int found = 0;
            for (int s = 1; s < k; s++) {
                if (truth.contains(a[i * k + s])) {
                    found++;
                }
            }
            sum += found / (double) (k - 1);
        }
        return sum / n;
    }
}
