package io.scmap.embed;

import java.util.Arrays;

/**
 * Dense kernels on row-major {@code rows x cols} blocks stored in flat arrays: Householder
 * orthonormalisation and Gram matrices. Results are bit-identical for any number of threads: each
 * column (QR) or fixed row block (Gram) is computed by one task and merged in a fixed order.
 */
final class DenseOps {
    /** Rows per partial Gram matrix; fixed so that the summation order never depends on threads. */
    private static final int GRAM_BLOCK = 2048;

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

    /** {@code c^T c} for a row-major {@code m x l} block {@code c}: a full symmetric {@code l x l}. */
    static double[] gram(double[] c, int m, int l, Parallel par) {
        int blocks = Math.max(1, (m + GRAM_BLOCK - 1) / GRAM_BLOCK);
        double[][] partial = new double[blocks][];
        par.forEach(blocks, b -> {
            double[] g = new double[l * l];
            int end = Math.min(m, (b + 1) * GRAM_BLOCK);
            int r = b * GRAM_BLOCK;
            for (; r + 3 < end; r += 4) {
                int o0 = r * l;
                int o1 = o0 + l;
                int o2 = o1 + l;
                int o3 = o2 + l;
                for (int i = 0; i < l; i++) {
                    double c0 = c[o0 + i];
                    double c1 = c[o1 + i];
                    double c2 = c[o2 + i];
                    double c3 = c[o3 + i];
                    int go = i * l;
                    for (int j = i; j < l; j++) {
                        g[go + j] += (c0 * c[o0 + j] + c1 * c[o1 + j]) + (c2 * c[o2 + j] + c3 * c[o3 + j]);
                    }
                }
            }
            for (; r < end; r++) {
                int ro = r * l;
                for (int i = 0; i < l; i++) {
                    double ci = c[ro + i];
                    int go = i * l;
                    for (int j = i; j < l; j++) {
                        g[go + j] += ci * c[ro + j];
                    }
                }
            }
            partial[b] = g;
        });
        double[] g = new double[l * l];
        for (double[] p : partial) {
            for (int i = 0; i < g.length; i++) {
                g[i] += p[i];
            }
        }
        for (int i = 0; i < l; i++) {
            for (int j = 0; j < i; j++) {
                g[i * l + j] = g[j * l + i];
            }
        }
        return g;
    }

    /** Scales every column of the row-major {@code m x l} block to unit euclidean length (zero ones stay). */
    static void normalizeColumns(double[] z, int m, int l) {
        double[] norm = new double[l];
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < l; c++) {
                norm[c] += z[r * l + c] * z[r * l + c];
            }
        }
        for (int c = 0; c < l; c++) {
            norm[c] = norm[c] > 0 ? 1.0 / Math.sqrt(norm[c]) : 1.0;
        }
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < l; c++) {
                z[r * l + c] *= norm[c];
            }
        }
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
