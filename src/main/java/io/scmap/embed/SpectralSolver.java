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
 * <p>Small graphs are solved densely (EJML). Larger ones by {@link ThickRestartLanczos} on {@code T}
 * with the trivial eigenvector locked (known exactly, so never searched for): a basis of {@value
 * #BASIS} vectors, restarted keeping half, until both wanted Ritz pairs have residual norms below
 * {@code 1e-5} or {@value #MAX_PRODUCTS} products are spent (an unconverged basis still spans the
 * smoothest directions of the graph, which is all the layout needs). umap-learn asks ARPACK's
 * implicitly restarted Lanczos for {@code tol=1e-4} relative to the eigenvalue, a far stricter test
 * when the eigenvalues are near 0; where the graph has several near-degenerate smooth directions (one
 * per loosely connected community) the two returned vectors may then be a different orthonormal mix
 * of them than ARPACK's, which the optimisation does not notice (measured: trustworthiness and
 * cluster agreement unchanged). About 100-200 products of {@code O(nnz)} plus {@code O(n BASIS)}
 * orthogonalisation each; deterministic for a given random stream and any thread count.
 */
final class SpectralSolver {
    static final int DENSE_LIMIT = 64;
    private static final int BASIS = 40;
    private static final int MAX_PRODUCTS = 2000;
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

    private double @Nullable [] iterate(FuzzyGraph g, double[] isd, int want, SplittableRandom random, Parallel par) {
        int n = g.size;
        double[] normalized = new double[g.indptr[n]];
        double[] trivial = new double[n];
        double trivialNorm = 0;
        for (int i = 0; i < n; i++) {
            for (int p = g.indptr[i]; p < g.indptr[i + 1]; p++) {
                normalized[p] = 0.5 * isd[i] * g.weights[p] * isd[g.indices[p]];
            }
            trivial[i] = 1.0 / isd[i];
            trivialNorm += trivial[i] * trivial[i];
        }
        for (int i = 0; i < n; i++) {
            trivial[i] /= Math.sqrt(trivialNorm);
        }
        int[] bounds = Parallel.ranges(n, 8 * par.threads());
        ThickRestartLanczos.Operator t = (x, y) -> par.forEach(bounds.length - 1, blk -> {
            for (int i = bounds[blk]; i < bounds[blk + 1]; i++) {
                double s = 0.5 * x[i];
                for (int p = g.indptr[i]; p < g.indptr[i + 1]; p++) {
                    s += normalized[p] * x[g.indices[p]];
                }
                y[i] = s;
            }
        });
        ThickRestartLanczos lanczos = new ThickRestartLanczos(t, n, new double[][] {trivial}, par);
        double[][] vectors = lanczos.largest(want - 1, BASIS, TOLERANCE, MAX_PRODUCTS, random);
        if (vectors == null) {
            report = "Lanczos failed";
            return null;
        }
        report = lanczos.products + " Lanczos products, " + (lanczos.converged ? "converged" : "not converged");
        double[] out = new double[n * (want - 1)];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < want - 1; c++) {
                out[i * (want - 1) + c] = vectors[c][i];
            }
        }
        return out;
    }
}
