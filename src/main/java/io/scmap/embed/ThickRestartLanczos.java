package io.scmap.embed;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.jspecify.annotations.Nullable;

/**
 * The largest eigenpairs of a symmetric linear operator by thick-restart Lanczos (Wu &amp; Simon 2000,
 * "Thick-restart Lanczos method for large symmetric eigenvalue problems"; the symmetric case of
 * Stewart's 2001 Krylov–Schur method), as named steps:
 *
 * <ol>
 *   <li>start from a Gaussian vector, orthogonal to the given locked (known) eigenvectors;
 *   <li>extend the basis one operator product at a time, each new vector orthogonalised against the
 *       locked vectors and the whole basis twice (classical Gram–Schmidt with reorthogonalisation),
 *       the coefficients forming the projected matrix {@code H = V^T A V};
 *   <li>when the basis is full, solve the small eigenproblem of {@code H} (EJML); a Ritz pair's
 *       residual norm is {@code |beta y_last|};
 *   <li>stop when the wanted pairs' residuals are at most the tolerance or the product budget is spent;
 *       otherwise keep the leading Ritz vectors and the residual direction (an arrow-shaped {@code H})
 *       and extend again.
 * </ol>
 *
 * <p>Cost per operator product: the product plus {@code O(n m)} for the orthogonalisation, {@code m}
 * the basis size; memory {@code O(n m)}. Every sum over the n coordinates runs over fixed row blocks
 * merged in block order, so the result is bit-identical for any number of threads and deterministic
 * for a given random stream.
 */
final class ThickRestartLanczos {
    /** Rows per partial sum; fixed so that summation order never depends on the thread count. */
    private static final int BLOCK = 4096;

    /** {@code y = A x}, for vectors of length n; must be symmetric and write every entry of y. */
    interface Operator {
        void apply(double[] x, double[] y);
    }

    private final Operator op;
    private final int n;
    private final double[][] locked;
    private final Parallel par;
    private final int[] bounds;

    /** Operator products run by the last {@link #largest} call. */
    int products;

    /** Whether the last {@link #largest} call met its tolerance. */
    boolean converged;

    /** Ritz values of the last call, largest first. */
    double[] values = new double[0];

    /**
     * @param locked unit eigenvectors of {@code op} (mutually orthogonal) that the search must avoid
     */
    ThickRestartLanczos(Operator op, int n, double[][] locked, Parallel par) {
        this.op = op;
        this.n = n;
        this.locked = locked.clone();
        this.par = par;
        this.bounds = Parallel.ranges(n, (n + BLOCK - 1) / BLOCK);
    }

    /**
     * The {@code want} largest eigenvectors orthogonal to the locked ones, as {@code want} unit
     * vectors, largest eigenvalue first; null when the basis, {@code min(basis, n - locked - 1)}
     * vectors, would not exceed {@code want + 1} (a restart keeps {@code want + 1} and needs one more).
     *
     * @param basis basis size m, at least {@code want + 2}
     * @param tolerance largest accepted residual norm {@code |A x - theta x|}
     * @param maxProducts operator product budget; the best Ritz vectors so far are returned when spent
     */
    double @Nullable [][] largest(int want, int basis, double tolerance, int maxProducts, SplittableRandom random) {
        int m = Math.min(basis, n - locked.length - 1);
        if (want < 1 || m < want + 2) {
            return null;
        }
        double[][] v = new double[m + 1][];
        double[] h = new double[m * m];
        v[0] = gaussian(random);
        orthogonalize(v[0], v, 0, new double[m]);
        scale(v[0], 1.0 / Math.sqrt(dot(v[0], v[0])));
        products = 0;
        int kept = 0;
        double[] coef = new double[m];
        while (true) {
            double beta = extend(v, h, kept, m, coef, random);
            DMatrixRMaj y = new DMatrixRMaj(m, m);
            double[] theta = new double[m];
            if (!ritz(h, m, theta, y)) {
                return null;
            }
            converged = true;
            for (int c = 0; c < want; c++) {
                converged &= Math.abs(beta * y.get(m - 1, c)) <= tolerance;
            }
            values = java.util.Arrays.copyOf(theta, want);
            if (converged || products >= maxProducts) {
                return combine(v, y, m, want);
            }
            kept = Math.max(want + 1, m / 2);
            double[][] ritzVectors = combine(v, y, m, kept);
            double[] residual = v[m];
            java.util.Arrays.fill(h, 0.0);
            for (int c = 0; c < kept; c++) {
                v[c] = ritzVectors[c];
                h[c * m + c] = theta[c];
                double s = beta * y.get(m - 1, c);
                h[kept * m + c] = s;
                h[c * m + kept] = s;
            }
            v[kept] = residual;
        }
    }

    /**
     * Step 2: fills basis vectors {@code from + 1 .. m} and columns {@code from .. m - 1} of {@code h};
     * returns the norm of the last residual, whose direction becomes {@code v[m]}.
     */
    private double extend(double[][] v, double[] h, int from, int m, double[] coef, SplittableRandom random) {
        double beta = 0;
        for (int j = from; j < m; j++) {
            double[] w = new double[n];
            op.apply(v[j], w);
            products++;
            orthogonalize(w, v, j + 1, coef);
            for (int i = 0; i <= j; i++) {
                h[i * m + j] = coef[i];
                h[j * m + i] = coef[i];
            }
            beta = Math.sqrt(dot(w, w));
            if (!(beta > 1e-12)) {
                // An invariant subspace: carry on with a fresh direction, uncoupled from the basis.
                beta = 0;
                w = gaussian(random);
                orthogonalize(w, v, j + 1, new double[m]);
                double norm = Math.sqrt(dot(w, w));
                scale(w, norm > 0 ? 1.0 / norm : 0.0);
            } else {
                scale(w, 1.0 / beta);
            }
            v[j + 1] = w;
            if (j + 1 < m) {
                h[(j + 1) * m + j] = beta;
                h[j * m + j + 1] = beta;
            }
        }
        return beta;
    }

    /** Step 3: eigenpairs of the symmetric {@code m x m} h, largest first, into theta and y's columns. */
    private static boolean ritz(double[] h, int m, double[] theta, DMatrixRMaj y) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m, true, true);
        if (!eig.decompose(new DMatrixRMaj(m, m, true, h))) {
            return false;
        }
        double[] values = new double[m];
        for (int i = 0; i < m; i++) {
            values[i] = eig.getEigenvalue(i).getReal();
        }
        int[] order = DenseOps.orderDescending(values);
        for (int c = 0; c < m; c++) {
            theta[c] = values[order[c]];
            DMatrixRMaj vec = eig.getEigenVector(order[c]);
            if (vec == null) {
                return false;
            }
            double norm = 0;
            for (int r = 0; r < m; r++) {
                norm += vec.get(r, 0) * vec.get(r, 0);
            }
            double s = norm > 0 ? 1.0 / Math.sqrt(norm) : 0.0;
            for (int r = 0; r < m; r++) {
                y.set(r, c, vec.get(r, 0) * s);
            }
        }
        return true;
    }

    /** The first {@code count} Ritz vectors {@code V y_c}. */
    private double[][] combine(double[][] v, DMatrixRMaj y, int m, int count) {
        double[][] out = new double[count][n];
        par.forEach(bounds.length - 1, b -> {
            for (int c = 0; c < count; c++) {
                double[] o = out[c];
                for (int r = 0; r < m; r++) {
                    double coef = y.get(r, c);
                    double[] vr = v[r];
                    for (int i = bounds[b]; i < bounds[b + 1]; i++) {
                        o[i] += coef * vr[i];
                    }
                }
            }
        });
        return out;
    }

    /**
     * Removes from {@code w} its components along the locked vectors and {@code v[0 .. count)}, twice;
     * {@code coef} receives the total coefficients along the basis vectors.
     */
    private void orthogonalize(double[] w, double[][] v, int count, double[] coef) {
        java.util.Arrays.fill(coef, 0, count, 0.0);
        for (int pass = 0; pass < 2; pass++) {
            for (double[] u : locked) {
                double c = dot(u, w);
                axpy(-c, u, w);
            }
            double[] c = dots(v, count, w);
            par.forEach(bounds.length - 1, b -> {
                for (int r = 0; r < count; r++) {
                    double cr = c[r];
                    double[] vr = v[r];
                    for (int i = bounds[b]; i < bounds[b + 1]; i++) {
                        w[i] -= cr * vr[i];
                    }
                }
            });
            for (int r = 0; r < count; r++) {
                coef[r] += c[r];
            }
        }
    }

    /** {@code v[r] . w} for r below count, each summed over fixed row blocks in block order. */
    private double[] dots(double[][] v, int count, double[] w) {
        int blocks = bounds.length - 1;
        double[][] partial = new double[blocks][count];
        par.forEach(blocks, b -> {
            for (int r = 0; r < count; r++) {
                double[] vr = v[r];
                double s = 0;
                for (int i = bounds[b]; i < bounds[b + 1]; i++) {
                    s += vr[i] * w[i];
                }
                partial[b][r] = s;
            }
        });
        double[] out = new double[count];
        for (double[] p : partial) {
            for (int r = 0; r < count; r++) {
                out[r] += p[r];
            }
        }
        return out;
    }

    private double dot(double[] a, double[] b) {
        return dots(new double[][] {a}, 1, b)[0];
    }

    private static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += alpha * x[i];
        }
    }

    private static void scale(double[] x, double s) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= s;
        }
    }

    private double[] gaussian(SplittableRandom random) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = random.nextGaussian();
        }
        return out;
    }
}
