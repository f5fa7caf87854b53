package io.scmap.embed;

/**
 * UMAP's fuzzy simplicial set of a kNN graph (McInnes, Healy &amp; Melville 2018, section 3.1; umap-learn
 * {@code fuzzy_simplicial_set} with {@code local_connectivity=1}, {@code set_op_mix_ratio=1}), stored
 * as a symmetric CSR matrix without self loops:
 *
 * <ol>
 *   <li>{@link #smoothKnnDistances}: per point, {@code rho} = distance to the nearest other point at
 *       non-zero distance and {@code sigma} by binary search so that {@code sum exp(-(d - rho) /
 *       sigma) = log2(k)}, floored at {@code 1e-3} of the mean distance;
 *   <li>membership strengths {@code exp(-(d - rho) / sigma)} (1 within {@code rho});
 *   <li>fuzzy union {@code A + A^T - A o A^T}.
 * </ol>
 *
 * <p>O(n k log k + n k 64) time, O(n k) memory. Deterministic.
 */
final class FuzzyGraph {
    private static final double SMOOTH_K_TOLERANCE = 1e-5;
    private static final double MIN_K_DIST_SCALE = 1e-3;
    private static final int BISECTION_STEPS = 64;

    final int size;
    final int[] indptr;
    final int[] indices;
    final double[] weights;

    FuzzyGraph(int size, int[] indptr, int[] indices, double[] weights) {
        this.size = size;
        this.indptr = indptr;
        this.indices = indices;
        this.weights = weights;
    }

    static FuzzyGraph build(Neighbors nb, Parallel par) {
        int n = nb.size();
        int k = nb.k();
        double[][] sigmaRho = smoothKnnDistances(nb.flatDistances(), n, k, par);
        double[] strength = memberships(nb, sigmaRho[0], sigmaRho[1]);
        FuzzyGraph directed = directed(nb, strength);
        return union(directed, transpose(directed));
    }

    /** Returns {@code {sigma, rho}}, as umap-learn's {@code smooth_knn_dist} (the point itself is neighbour 0). */
    static double[][] smoothKnnDistances(double[] dist, int n, int k, Parallel par) {
        double meanAll = 0;
        for (double d : dist) {
            meanAll += d;
        }
        meanAll /= Math.max(1, dist.length);
        double target = Math.log(k) / Math.log(2);
        double[] sigma = new double[n];
        double[] rho = new double[n];
        double mean = meanAll;
        int[] bounds = Parallel.ranges(n, 64);
        par.forEach(bounds.length - 1, b -> {
            for (int i = bounds[b]; i < bounds[b + 1]; i++) {
                smoothRow(dist, i * k, k, target, mean, sigma, rho, i);
            }
        });
        return new double[][] {sigma, rho};
    }

    private static void smoothRow(
            double[] dist, int base, int k, double target, double meanAll, double[] sigma, double[] rho, int i) {
        double r = 0;
        double rowSum = 0;
        for (int j = 0; j < k; j++) {
            rowSum += dist[base + j];
            if (r == 0 && dist[base + j] > 0) {
                r = dist[base + j];
            }
        }
        double lo = 0;
        double hi = Double.POSITIVE_INFINITY;
        double mid = 1.0;
        for (int step = 0; step < BISECTION_STEPS; step++) {
            double psum = 0;
            for (int j = 1; j < k; j++) {
                double d = dist[base + j] - r;
                psum += d > 0 ? Math.exp(-(d / mid)) : 1.0;
            }
            if (Math.abs(psum - target) < SMOOTH_K_TOLERANCE) {
                break;
            }
            if (psum > target) {
                hi = mid;
                mid = (lo + hi) / 2.0;
            } else {
                lo = mid;
                mid = hi == Double.POSITIVE_INFINITY ? mid * 2 : (lo + hi) / 2.0;
            }
        }
        double floor = MIN_K_DIST_SCALE * (r > 0 ? rowSum / k : meanAll);
        sigma[i] = Math.max(mid, floor);
        rho[i] = r;
    }

    private static double[] memberships(Neighbors nb, double[] sigma, double[] rho) {
        int n = nb.size();
        int k = nb.k();
        int[] idx = nb.flatIndices();
        double[] dist = nb.flatDistances();
        double[] out = new double[n * k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                int p = i * k + j;
                if (idx[p] == i) {
                    out[p] = 0;
                } else if (dist[p] - rho[i] <= 0 || sigma[i] == 0) {
                    out[p] = 1;
                } else {
                    out[p] = Math.exp(-((dist[p] - rho[i]) / sigma[i]));
                }
            }
        }
        return out;
    }

    /** The directed membership matrix: row i holds its neighbours' strengths, sorted by index, zeros dropped. */
    private static FuzzyGraph directed(Neighbors nb, double[] strength) {
        int n = nb.size();
        int k = nb.k();
        int[] idx = nb.flatIndices();
        int[] indptr = new int[n + 1];
        for (int p = 0; p < n * k; p++) {
            if (strength[p] != 0) {
                indptr[p / k + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            indptr[i + 1] += indptr[i];
        }
        int[] indices = new int[indptr[n]];
        double[] weights = new double[indptr[n]];
        long[] byNeighbor = new long[k];
        for (int i = 0; i < n; i++) {
            int base = i * k;
            for (int j = 0; j < k; j++) {
                byNeighbor[j] = ((long) idx[base + j] << 32) | j;
            }
            java.util.Arrays.sort(byNeighbor);
            int q = indptr[i];
            for (long key : byNeighbor) {
                int p = base + (int) key;
                if (strength[p] != 0) {
                    indices[q] = idx[p];
                    weights[q++] = strength[p];
                }
            }
        }
        return new FuzzyGraph(n, indptr, indices, weights);
    }

    static FuzzyGraph transpose(FuzzyGraph g) {
        int n = g.size;
        int[] tp = new int[n + 1];
        for (int p = 0; p < g.indptr[n]; p++) {
            tp[g.indices[p] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            tp[i + 1] += tp[i];
        }
        int[] next = tp.clone();
        int[] ti = new int[g.indptr[n]];
        double[] tw = new double[g.indptr[n]];
        for (int i = 0; i < n; i++) {
            for (int p = g.indptr[i]; p < g.indptr[i + 1]; p++) {
                int q = next[g.indices[p]]++;
                ti[q] = i;
                tw[q] = g.weights[p];
            }
        }
        return new FuzzyGraph(n, tp, ti, tw);
    }

    /** The probabilistic t-conorm {@code a + b - a b} of two matrices with sorted rows. */
    private static FuzzyGraph union(FuzzyGraph a, FuzzyGraph b) {
        int n = a.size;
        int[] indptr = new int[n + 1];
        int[] indices = new int[a.indices.length + b.indices.length];
        double[] weights = new double[indices.length];
        int q = 0;
        for (int i = 0; i < n; i++) {
            int p = a.indptr[i];
            int r = b.indptr[i];
            while (p < a.indptr[i + 1] || r < b.indptr[i + 1]) {
                int ja = p < a.indptr[i + 1] ? a.indices[p] : Integer.MAX_VALUE;
                int jb = r < b.indptr[i + 1] ? b.indices[r] : Integer.MAX_VALUE;
                double wa = ja <= jb ? a.weights[p++] : 0;
                double wb = jb <= ja ? b.weights[r++] : 0;
                double w = wa + wb - wa * wb;
                if (w != 0) {
                    indices[q] = Math.min(ja, jb);
                    weights[q++] = w;
                }
            }
            indptr[i + 1] = q;
        }
        return new FuzzyGraph(n, indptr, java.util.Arrays.copyOf(indices, q), java.util.Arrays.copyOf(weights, q));
    }

    /** Number of stored (directed) edges. */
    int edges() {
        return indptr[size];
    }

    /** Largest edge weight, 0 without edges. */
    double maxWeight() {
        double max = 0;
        for (double w : weights) {
            max = Math.max(max, w);
        }
        return max;
    }

    /** This graph without the edges lighter than {@code threshold}. */
    FuzzyGraph withoutEdgesBelow(double threshold) {
        int[] ip = new int[size + 1];
        int[] ix = new int[edges()];
        double[] w = new double[edges()];
        int q = 0;
        for (int i = 0; i < size; i++) {
            for (int p = indptr[i]; p < indptr[i + 1]; p++) {
                if (weights[p] >= threshold) {
                    ix[q] = indices[p];
                    w[q++] = weights[p];
                }
            }
            ip[i + 1] = q;
        }
        return new FuzzyGraph(size, ip, java.util.Arrays.copyOf(ix, q), java.util.Arrays.copyOf(w, q));
    }
}
