package io.scmap.embed;

import java.util.Arrays;

/**
 * Dense kernels on row-major {@code rows x cols} blocks stored in flat arrays: Householder
 * orthonormalisation and cross products. Results are bit-identical for any number of threads: each
 * column (QR) or fixed row block (cross product) is computed by one task and merged in a fixed order.
 */
final class DenseOps {
    /** Rows per partial cross product; fixed so that the summation order never depends on threads. */
    private static final int PRODUCT_BLOCK = 2048;

    /** Below this much work per reflector the columns are updated on the calling thread. */
    private static final int SERIAL_WORK = 1 << 16;

    private DenseOps() {}

    /**
     * Replaces the {@code n x l} block {@code y} ({@code n >= l}) by an orthonormal basis of its
     * column space: the explicit Q of a Householder QR (Golub & Van Loan, 5.2.1), well defined even
     * when {@code y} is rank-deficient. O(n l^2).
     */
    static void orthonormalize(double[] y, int n, int l, Parallel par) {
        if (n < l) {
            throw new IllegalArgumentException("need rows >= columns, got " + n + " x " + l);
        }
        double[][] a = new double[l][n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < l; c++) {
                a[c][i] = y[i * l + c];
            }
        }
        double[] tau = new double[l];
        for (int j = 0; j < l; j++) {
            tau[j] = makeReflector(a[j], j, n);
            int col = j;
            forColumns(col + 1, l, (long) (n - j) * (l - j), par, c -> reflect(a[col], tau[col], a[c], col, n));
        }
        double[][] q = new double[l][n];
        for (int c = 0; c < l; c++) {
            q[c][c] = 1.0;
        }
        for (int j = l - 1; j >= 0; j--) {
            if (tau[j] != 0) {
                int col = j;
                forColumns(col, l, (long) (n - j) * (l - j), par, c -> reflect(a[col], tau[col], q[c], col, n));
            }
        }
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < l; c++) {
                y[i * l + c] = q[c][i];
            }
        }
    }

    /** Turns {@code x[j..n)} into a Householder vector v in place; returns tau = 2 / (v.v), 0 for none. */
    private static double makeReflector(double[] x, int j, int n) {
        double norm2 = 0;
        for (int i = j; i < n; i++) {
            norm2 += x[i] * x[i];
        }
        if (norm2 == 0) {
            return 0;
        }
        double norm = Math.sqrt(norm2);
        double alpha = x[j] > 0 ? -norm : norm;
        x[j] -= alpha;
        double vv = 0;
        for (int i = j; i < n; i++) {
            vv += x[i] * x[i];
        }
        return vv == 0 ? 0 : 2.0 / vv;
    }

    /** Applies {@code I - tau v v^T} (v = {@code v[j..n)}) to {@code target[j..n)}. */
    private static void reflect(double[] v, double tau, double[] target, int j, int n) {
        if (tau == 0) {
            return;
        }
        double s = 0;
        for (int i = j; i < n; i++) {
            s += v[i] * target[i];
        }
        s *= tau;
        for (int i = j; i < n; i++) {
            target[i] -= s * v[i];
        }
    }

    private static void forColumns(int from, int to, long work, Parallel par, java.util.function.IntConsumer body) {
        if (to <= from) {
            return;
        }
        if (work < SERIAL_WORK || par.threads() == 1) {
            for (int c = from; c < to; c++) {
                body.accept(c);
            }
            return;
        }
        int[] bounds = Parallel.ranges(to - from, par.threads());
        par.forEach(bounds.length - 1, b -> {
            for (int c = from + bounds[b]; c < from + bounds[b + 1]; c++) {
                body.accept(c);
            }
        });
    }

    /**
     * {@code (a^T b + b^T a) / 2} for row-major {@code m x l} blocks: the symmetric part of their cross
     * product, {@code a^T b} itself when that is symmetric (as {@code Q^T A A^T Q}). O(m l^2).
     */
    static double[] symmetricCrossProduct(double[] a, double[] b, int m, int l, Parallel par) {
        int blocks = Math.max(1, (m + PRODUCT_BLOCK - 1) / PRODUCT_BLOCK);
        double[][] partial = new double[blocks][];
        par.forEach(blocks, blk -> {
            double[] g = new double[l * l];
            int end = Math.min(m, (blk + 1) * PRODUCT_BLOCK);
            for (int r = blk * PRODUCT_BLOCK; r < end; r++) {
                int ro = r * l;
                for (int i = 0; i < l; i++) {
                    double ai = a[ro + i];
                    int go = i * l;
                    for (int j = 0; j < l; j++) {
                        g[go + j] += ai * b[ro + j];
                    }
                }
            }
            partial[blk] = g;
        });
        double[] g = new double[l * l];
        for (double[] p : partial) {
            for (int i = 0; i < g.length; i++) {
                g[i] += p[i];
            }
        }
        for (int i = 0; i < l; i++) {
            for (int j = 0; j < i; j++) {
                double mean = 0.5 * (g[i * l + j] + g[j * l + i]);
                g[i * l + j] = mean;
                g[j * l + i] = mean;
            }
        }
        return g;
    }

    /** Indices 0 to {@code values.length - 1} ordered by value, largest first, ties by index. */
    static int[] orderDescending(double[] values) {
        return java.util.stream.IntStream.range(0, values.length)
                .boxed()
                .sorted((x, y) -> {
                    int byValue = Double.compare(values[y], values[x]);
                    return byValue != 0 ? byValue : Integer.compare(x, y);
                })
                .mapToInt(Integer::intValue)
                .toArray();
    }

    /** A copy of the block as {@code rows} arrays of {@code cols}. */
    static double[][] toRows(double[] flat, int rows, int cols) {
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = Arrays.copyOfRange(flat, i * cols, (i + 1) * cols);
        }
        return out;
    }
}
