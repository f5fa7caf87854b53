package io.scmap.embed;

import io.scmap.matrix.SparseMatrix;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Randomized truncated SVD of a sparse matrix (Halko, Martinsson &amp; Tropp 2011, "Finding structure
 * with randomness", algorithms 4.4 and 5.1), in the manner of scikit-learn's {@code randomized_svd}
 * behind {@code TruncatedSVD}:
 *
 * <ol>
 *   <li>draw a Gaussian test matrix {@code Omega} ({@code cols x l}, {@code l = k + oversamples});
 *   <li>sample the range: {@code Q = orth(A Omega)};
 *   <li>power iterations: {@code Q = orth(A (A^T Q))};
 *   <li>project: {@code B = Q^T A};
 *   <li>small SVD of {@code B} from the eigen-decomposition of {@code B B^T = Q^T (A (A^T Q))}
 *       ({@code l x l}, EJML), computed with the short side's cross product rather than the long
 *       side's Gram matrix ({@code O(rows l^2)} instead of {@code O(cols l^2)}, for one more sparse
 *       product);
 *   <li>scores {@code U Sigma = Q U_B Sigma}, each column's sign fixed so that its largest-magnitude
 *       entry is positive (scikit-learn's {@code svd_flip} on U).
 * </ol>
 *
 * <p>scikit-learn normalises with an LU factorisation after both products of a power iteration; this
 * orthonormalises the {@code rows}-side sample only (Householder), one QR of the short side per
 * iteration. The {@code cols}-side sample {@code A^T Q} needs none: its columns are at most the
 * largest singular value long, and scaling them would not change the span that the next QR
 * orthonormalises. Accuracy is lost only for singular values below {@code 1e-8} of the largest.
 *
 * <p>The {@code cols}-side blocks ({@code Omega} and {@code A^T Q}, {@code cols x l}: 0.8 GB in float
 * at 1.7 million columns) are stored in float, all sums in double. Fetching their rows bounds the
 * products, and fresh memory is slow to touch the first time; in float the SVD of the 80,000 x
 * 2,000,000 benchmark takes 38 s rather than 43 s. The rounding (relative {@code 6e-8}) moves the
 * singular values by about {@code 1e-8} relatively, far below the randomized method's own error with
 * these power iterations (different seeds move the 100th singular value by about {@code 1e-3}).
 *
 * <p>The columns are renumbered by decreasing number of entries before step 1 (so {@code Omega}'s
 * rows belong to columns in that order): the sparse products fetch a row of the {@code cols}-side
 * block per entry, and on interaction data a few popular columns hold most entries (on the 80,000 x
 * 2,000,000 benchmark 1% of the columns hold 45%), whose rows then sit together in cache. Measured
 * there with the eight-way product of {@link SparseOps}: 241 s before, 115 s after, on two busy
 * cores.
 *
 * <p>Cost: {@code (2q + 3)} sparse products of {@code O(nnz l)}, {@code q + 1} QRs and one cross
 * product of {@code O(rows l^2)}. Deterministic: the same seed gives bit-identical
 * output for any number of threads.
 */
final class RandomizedSvd {
    /** Rows of {@code Omega} drawn from one random stream; fixed so output never depends on threads. */
    private static final int RANDOM_BLOCK = 4096;

    private RandomizedSvd() {}

    static TruncatedSvd compute(
            SparseMatrix a,
            int k,
            int oversamples,
            int powerIterations,
            SplittableRandom random,
            Parallel par,
            EmbedListener listener) {
        int n = a.rows();
        int m = a.cols();
        int l = Math.min(k + oversamples, Math.min(n, m));
        int dims = Math.min(k, l);
        if (dims == 0) {
            listener.progress("svd", 1.0);
            return new TruncatedSvd(n, 0, new double[0], new double[0]);
        }
        double steps = 2.0 * powerIterations + 3;
        // Columns renumbered by decreasing entry count: the rows of z most fetched come first and
        // share cache lines and pages. The SVD's scores do not depend on the column order.
        SparseMatrix at = SparseOps.transposeInOrder(a, SparseOps.columnsByDecreasingCount(a));
        SparseMatrix ordered = SparseOps.transpose(at);
        float[] z = gaussian(m, l, random, par);
        double[] y = new double[n * l];
        SparseOps.multiply(ordered, z, l, y, par);
        DenseOps.orthonormalize(y, n, l, par);
        listener.progress("svd", 1 / steps);
        for (int it = 0; it < powerIterations; it++) {
            SparseOps.multiply(at, y, l, z, par);
            SparseOps.multiply(ordered, z, l, y, par);
            DenseOps.orthonormalize(y, n, l, par);
            listener.progress("svd", (2.0 * it + 3) / steps);
        }
        SparseOps.multiply(at, y, l, z, par);
        double[] w = new double[n * l];
        SparseOps.multiply(ordered, z, l, w, par);
        double[] gram = DenseOps.symmetricCrossProduct(y, w, n, l, par);
        TruncatedSvd svd = scores(y, n, l, dims, gram, par);
        listener.progress("svd", 1.0);
        return svd;
    }

    /**
     * A {@code rows x cols} standard normal block rounded to float, each fixed row block from its own
     * split stream.
     */
    static float[] gaussian(int rows, int cols, SplittableRandom random, Parallel par) {
        float[] out = new float[rows * cols];
        int blocks = Math.max(1, (rows + RANDOM_BLOCK - 1) / RANDOM_BLOCK);
        SplittableRandom[] streams = new SplittableRandom[blocks];
        for (int b = 0; b < blocks; b++) {
            streams[b] = random.split();
        }
        par.forEach(blocks, b -> {
            int end = Math.min(rows, (b + 1) * RANDOM_BLOCK) * cols;
            for (int i = b * RANDOM_BLOCK * cols; i < end; i++) {
                out[i] = (float) streams[b].nextGaussian();
            }
        });
        return out;
    }

    /** Steps 5 and 6: eigen-decompose {@code B B^T}, form {@code Q U_B Sigma}, fix signs. */
    private static TruncatedSvd scores(double[] q, int n, int l, int dims, double[] gram, Parallel par) {
        double[] sigma = new double[dims];
        double[][] ub = new double[dims][];
        topEigenpairs(gram, l, sigma, ub);
        double[] u = new double[n * dims];
        int[] bounds = Parallel.ranges(n, 8 * par.threads());
        par.forEach(bounds.length - 1, b -> {
            for (int i = bounds[b]; i < bounds[b + 1]; i++) {
                for (int c = 0; c < dims; c++) {
                    double s = 0;
                    for (int t = 0; t < l; t++) {
                        s += q[i * l + t] * ub[c][t];
                    }
                    u[i * dims + c] = s;
                }
            }
        });
        flipSigns(u, n, dims);
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < dims; c++) {
                u[i * dims + c] *= sigma[c];
            }
        }
        return new TruncatedSvd(n, dims, u, sigma);
    }

    /** Fills {@code sigma} with the square roots of the largest eigenvalues of {@code gram}, {@code ub} with their unit eigenvectors. */
    private static void topEigenpairs(double[] gram, int l, double[] sigma, double[][] ub) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(l, true, true);
        if (!eig.decompose(new DMatrixRMaj(l, l, true, gram))) {
            throw new IllegalStateException("eigen-decomposition of the " + l + " x " + l + " projected matrix failed");
        }
        double[] values = new double[l];
        for (int i = 0; i < l; i++) {
            values[i] = eig.getEigenvalue(i).getReal();
        }
        int[] order = DenseOps.orderDescending(values);
        for (int c = 0; c < sigma.length; c++) {
            sigma[c] = Math.sqrt(Math.max(0, values[order[c]]));
            DMatrixRMaj v = eig.getEigenVector(order[c]);
            if (v == null) {
                throw new IllegalStateException("no eigenvector for singular value " + c);
            }
            ub[c] = unit(v, l);
        }
    }

    private static double[] unit(DMatrixRMaj v, int l) {
        double[] out = new double[l];
        double norm = 0;
        for (int t = 0; t < l; t++) {
            out[t] = v.get(t, 0);
            norm += out[t] * out[t];
        }
        double scale = norm > 0 ? 1.0 / Math.sqrt(norm) : 1.0;
        for (int t = 0; t < l; t++) {
            out[t] *= scale;
        }
        return out;
    }

    /** Makes each column's largest-magnitude entry (the first, on ties) positive, as {@code svd_flip}. */
    static void flipSigns(double[] u, int n, int dims) {
        for (int c = 0; c < dims; c++) {
            int best = 0;
            for (int i = 1; i < n; i++) {
                if (Math.abs(u[i * dims + c]) > Math.abs(u[best * dims + c])) {
                    best = i;
                }
            }
            if (u[best * dims + c] < 0) {
                for (int i = 0; i < n; i++) {
                    u[i * dims + c] = -u[i * dims + c];
                }
            }
        }
    }
}
