package io.scmap.embed;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.jspecify.annotations.Nullable;

/**
 * Eigenvectors of a connected graph's symmetric normalised Laplacian {@code L = I - D^-1/2 W D^-1/2}
 * for its smallest eigenvalues after the trivial one, as umap-learn's {@code spectral_layout} gets
 * them from ARPACK. Equivalently the largest eigenvalues of {@code T = (I + D^-1/2 W D^-1/2) / 2},
 * whose spectrum lies in [0, 1] with the trivial eigenvector {@code D^1/2 1} at 1.
 *
 * <p>Small graphs are solved densely (EJML). Larger ones by block subspace iteration with
 * Rayleigh–Ritz projection (Saad, "Numerical Methods for Large Eigenvalue Problems", 2011, ch. 5):
 * a block of {@code want + 9} vectors, started from the trivial eigenvector and Gaussian vectors,
 * multiplied by {@code T} and re-orthonormalised, projected every few steps until the wanted Ritz
 * pairs' residuals fall below {@code 1e-5} or the step budget runs out. An unconverged basis still
 * spans the smoothest directions of the graph, which is all the layout needs. O(iterations (nnz +
 * n) block) time; deterministic for a given random stream.
 */
final class SpectralSolver {
    static final int DENSE_LIMIT = 64;
    private static final int EXTRA = 9;
    private static final int MAX_ITERATIONS = 300;
    private static final int RITZ_EVERY = 10;
    private static final double TOLERANCE = 1e-5;

    /** How the last {@link #smallestNontrivial} call went, for the manifest. */
    String report = "not run";

    /**
     * Returns eigenvectors 2 .. {@code want} (by increasing Laplacian eigenvalue) as a row-major
     * {@code n x (want - 1)} block, or null when the graph is too small or the result is not finite.
     */
    double @Nullable [] smallestNontrivial(FuzzyGraph g, int want, SplittableRandom random, Parallel par) {
        return smallestNontrivial(g, want, random, par, g.size <= DENSE_LIMIT);
    }

    /** As {@link #smallestNontrivial(FuzzyGraph, int, SplittableRandom, Parallel)}, choosing the method. */
    double @Nullable [] smallestNontrivial(
            FuzzyGraph g, int want, SplittableRandom random, Parallel par, boolean solveDensely) {
        int n = g.size;
        if (n <= want) {
            return null;
        }
        double[] invSqrtDegree = new double[n];
        for (int i = 0; i < n; i++) {
            double d = 0;
            for (int p = g.indptr[i]; p < g.indptr[i + 1]; p++) {
                d += g.weights[p];
            }
            if (!(d > 0)) {
                return null;
            }
            invSqrtDegree[i] = 1.0 / Math.sqrt(d);
        }
        double[] basis =
                n <= DENSE_LIMIT ? dense(g, invSqrtDegree, want) : iterate(g, invSqrtDegree, want, random, par);
        if (basis == null) {
            return null;
        }
        for (double v : basis) {
            if (!Double.isFinite(v)) {
                return null;
            }
        }
        RandomizedSvd.flipSigns(basis, n, want - 1);
        return basis;
    }

    private static double @Nullable [] dense(FuzzyGraph g, double[] isd, int want) {
        int n = g.size;
        DMatrixRMaj t = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            t.add(i, i, 0.5);
            for (int p = g.indptr[i]; p < g.indptr[i + 1]; p++) {
                t.add(i, g.indices[p], 0.5 * isd[i] * g.weights[p] * isd[g.indices[p]]);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(t)) {
            return null;
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = eig.getEigenvalue(i).getReal();
        }
        int[] order = DenseOps.orderDescending(values);
        double[] out = new double[n * (want - 1)];
        for (int c = 1; c < want; c++) {
            DMatrixRMaj v = eig.getEigenVector(order[c]);
            if (v == null) {
                return null;
            }
            for (int i = 0; i < n; i++) {
                out[i * (want - 1) + c - 1] = v.get(i, 0);
            }
        }
        return out;
    }

    private double[] iterate(FuzzyGraph g, double[] isd, int want, SplittableRandom random, Parallel par) {
        int n = g.size;
        int b = Math.min(n, want + EXTRA);
        double[] x = RandomizedSvd.gaussian(n, b, random, par);
        for (int i = 0; i < n; i++) {
            x[i * b] = 1.0 / isd[i];
        }
        DenseOps.orthonormalize(x, n, b, par);
        double[] y = new double[n * b];
        double[] theta = new double[b];
        for (int it = 1; it <= MAX_ITERATIONS; it++) {
            apply(g, isd, x, b, y, par);
            if (it % RITZ_EVERY == 0 || it == MAX_ITERATIONS) {
                boolean projected = rayleighRitz(x, y, n, b, theta);
                boolean done = projected && converged(x, y, theta, n, b, want);
                if (done || (projected && it == MAX_ITERATIONS)) {
                    report = it + " subspace iterations, " + (done ? "converged" : "not converged");
                    break;
                }
            }
            System.arraycopy(y, 0, x, 0, y.length);
            DenseOps.orthonormalize(x, n, b, par);
        }
        double[] out = new double[n * (want - 1)];
        for (int i = 0; i < n; i++) {
            for (int c = 1; c < want; c++) {
                out[i * (want - 1) + c - 1] = x[i * b + c];
            }
        }
        return out;
    }

    /** {@code y = T x} for a row-major {@code n x b} block. */
    private static void apply(FuzzyGraph g, double[] isd, double[] x, int b, double[] y, Parallel par) {
        int n = g.size;
        int[] bounds = Parallel.ranges(n, 8 * par.threads());
        par.forEach(bounds.length - 1, blk -> {
            for (int i = bounds[blk]; i < bounds[blk + 1]; i++) {
                int yo = i * b;
                for (int c = 0; c < b; c++) {
                    y[yo + c] = 0.5 * x[yo + c];
                }
                for (int p = g.indptr[i]; p < g.indptr[i + 1]; p++) {
                    int j = g.indices[p];
                    double w = 0.5 * isd[i] * g.weights[p] * isd[j];
                    int xo = j * b;
                    for (int c = 0; c < b; c++) {
                        y[yo + c] += w * x[xo + c];
                    }
                }
            }
        });
    }

    /**
     * Replaces orthonormal {@code x} by its Ritz vectors for {@code T} (largest first), {@code y = T x}
     * accordingly, and fills {@code theta}. False when the small eigenproblem fails.
     */
    private static boolean rayleighRitz(double[] x, double[] y, int n, int b, double[] theta) {
        double[] h = projection(x, y, n, b);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(b, true, true);
        if (!eig.decompose(new DMatrixRMaj(b, b, true, h))) {
            return false;
        }
        double[] values = new double[b];
        for (int i = 0; i < b; i++) {
            values[i] = eig.getEigenvalue(i).getReal();
        }
        int[] order = DenseOps.orderDescending(values);
        double[] v = new double[b * b];
        for (int c = 0; c < b; c++) {
            theta[c] = values[order[c]];
            DMatrixRMaj vec = eig.getEigenVector(order[c]);
            if (vec == null) {
                return false;
            }
            for (int r = 0; r < b; r++) {
                v[r * b + c] = vec.get(r, 0);
            }
        }
        rotate(x, n, b, v);
        rotate(y, n, b, v);
        return true;
    }

    /** {@code x^T y}, symmetrised (for {@code y = T x} it is symmetric up to rounding). */
    private static double[] projection(double[] x, double[] y, int n, int b) {
        double[] h = new double[b * b];
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < b; r++) {
                double xr = x[i * b + r];
                for (int c = 0; c < b; c++) {
                    h[r * b + c] += xr * y[i * b + c];
                }
            }
        }
        for (int r = 0; r < b; r++) {
            for (int c = 0; c < r; c++) {
                double avg = 0.5 * (h[r * b + c] + h[c * b + r]);
                h[r * b + c] = avg;
                h[c * b + r] = avg;
            }
        }
        return h;
    }

    private static void rotate(double[] x, int n, int b, double[] v) {
        double[] row = new double[b];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < b; c++) {
                double s = 0;
                for (int r = 0; r < b; r++) {
                    s += x[i * b + r] * v[r * b + c];
                }
                row[c] = s;
            }
            System.arraycopy(row, 0, x, i * b, b);
        }
    }

    private static boolean converged(double[] x, double[] y, double[] theta, int n, int b, int want) {
        for (int c = 0; c < want; c++) {
            double r = 0;
            for (int i = 0; i < n; i++) {
                double e = y[i * b + c] - theta[c] * x[i * b + c];
                r += e * e;
            }
            if (Math.sqrt(r) > TOLERANCE) {
                return false;
            }
        }
        return true;
    }
}
