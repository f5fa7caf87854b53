package io.scmap.embed;

import io.scmap.matrix.SparseMatrix;

/**
 * Kernels on CSR matrices times dense row-major blocks. Every output row is written by exactly one
 * block, its entries summed in storage order in fixed groups of eight, so results are bit-identical
 * for any number of threads.
 */
final class SparseOps {
    private SparseOps() {}

    /** The transpose, in CSR form (so {@code A^T X} runs as fast, row-parallel, as {@code A X}). O(nnz). */
    static SparseMatrix transpose(SparseMatrix a) {
        int n = a.rows();
        int m = a.cols();
        int[] ip = a.indptr();
        int[] ix = a.indices();
        double[] v = a.data();
        int[] tp = new int[m + 1];
        for (int p = 0; p < ip[n]; p++) {
            tp[ix[p] + 1]++;
        }
        for (int j = 0; j < m; j++) {
            tp[j + 1] += tp[j];
        }
        int[] next = tp.clone();
        int[] ti = new int[ip[n]];
        double[] tv = new double[ip[n]];
        for (int i = 0; i < n; i++) {
            for (int p = ip[i]; p < ip[i + 1]; p++) {
                int q = next[ix[p]]++;
                ti[q] = i;
                tv[q] = v[p];
            }
        }
        return SparseMatrix.of(m, n, tp, ti, tv);
    }

    /**
     * The columns of {@code a} ordered by decreasing number of stored entries, ties by index: {@code
     * order[r]} is the column placed r-th. O(nnz + cols).
     */
    static int[] columnsByDecreasingCount(SparseMatrix a) {
        int m = a.cols();
        int[] count = new int[m];
        int[] ix = a.indices();
        for (int p = 0; p < a.nnz(); p++) {
            count[ix[p]]++;
        }
        int max = 0;
        for (int c : count) {
            max = Math.max(max, c);
        }
        int[] start = new int[max + 2];
        for (int c : count) {
            start[max - c + 1]++;
        }
        for (int b = 0; b <= max; b++) {
            start[b + 1] += start[b];
        }
        int[] order = new int[m];
        for (int j = 0; j < m; j++) {
            order[start[max - count[j]]++] = j;
        }
        return order;
    }

    /**
     * The transpose of {@code a} with its rows in the given order: row r of the result is column
     * {@code order[r]} of {@code a}. O(nnz).
     */
    static SparseMatrix transposeInOrder(SparseMatrix a, int[] order) {
        int n = a.rows();
        int m = a.cols();
        int[] rank = new int[m];
        for (int r = 0; r < m; r++) {
            rank[order[r]] = r;
        }
        int[] ip = a.indptr();
        int[] ix = a.indices();
        double[] v = a.data();
        int[] tp = new int[m + 1];
        for (int p = 0; p < ip[n]; p++) {
            tp[rank[ix[p]] + 1]++;
        }
        for (int j = 0; j < m; j++) {
            tp[j + 1] += tp[j];
        }
        int[] next = tp.clone();
        int[] ti = new int[ip[n]];
        double[] tv = new double[ip[n]];
        for (int i = 0; i < n; i++) {
            for (int p = ip[i]; p < ip[i + 1]; p++) {
                int q = next[rank[ix[p]]]++;
                ti[q] = i;
                tv[q] = v[p];
            }
        }
        return SparseMatrix.of(m, n, tp, ti, tv);
    }

    /**
     * {@code y = a x}, with {@code x} ({@code a.cols() x l}) and {@code y} ({@code a.rows() x l})
     * row-major. O(nnz l). The product is bound by fetching rows of {@code x}; eight of them are
     * combined per pass over a row of {@code y}, so that eight fetches are under way at once and
     * {@code y} is read and written an eighth as often.
     */
    static void multiply(SparseMatrix a, double[] x, int l, double[] y, Parallel par) {
        int[] bounds = balancedRows(a, 8 * par.threads());
        par.forEach(bounds.length - 1, b -> multiplyRows(a, x, l, y, bounds[b], bounds[b + 1]));
    }

    /** Rows {@code [from, to)} of {@code y = a x}. */
    private static void multiplyRows(SparseMatrix a, double[] x, int l, double[] y, int from, int to) {
        int[] ip = a.indptr();
        int[] ix = a.indices();
        double[] v = a.data();
        java.util.Arrays.fill(y, from * l, to * l, 0.0);
        for (int i = from; i < to; i++) {
            int yo = i * l;
            int p = ip[i];
            int end = ip[i + 1];
            for (; p + 7 < end; p += 8) {
                addEight(v, ix, p, x, l, y, yo);
            }
            for (; p < end; p++) {
                double w = v[p];
                int xo = ix[p] * l;
                for (int c = 0; c < l; c++) {
                    y[yo + c] += w * x[xo + c];
                }
            }
        }
    }

    /** Adds entries {@code p .. p + 7} of a row times their rows of {@code x} to {@code y[yo ..]}. */
    private static void addEight(double[] v, int[] ix, int p, double[] x, int l, double[] y, int yo) {
        double w0 = v[p];
        double w1 = v[p + 1];
        double w2 = v[p + 2];
        double w3 = v[p + 3];
        double w4 = v[p + 4];
        double w5 = v[p + 5];
        double w6 = v[p + 6];
        double w7 = v[p + 7];
        int x0 = ix[p] * l;
        int x1 = ix[p + 1] * l;
        int x2 = ix[p + 2] * l;
        int x3 = ix[p + 3] * l;
        int x4 = ix[p + 4] * l;
        int x5 = ix[p + 5] * l;
        int x6 = ix[p + 6] * l;
        int x7 = ix[p + 7] * l;
        for (int c = 0; c < l; c++) {
            y[yo + c] += ((w0 * x[x0 + c] + w1 * x[x1 + c]) + (w2 * x[x2 + c] + w3 * x[x3 + c]))
                    + ((w4 * x[x4 + c] + w5 * x[x5 + c]) + (w6 * x[x6 + c] + w7 * x[x7 + c]));
        }
    }

    /**
     * {@code y = a x} for a float {@code x}, summed in double as {@link #multiply(SparseMatrix,
     * double[], int, double[], Parallel)}.
     */
    static void multiply(SparseMatrix a, float[] x, int l, double[] y, Parallel par) {
        int[] bounds = balancedRows(a, 8 * par.threads());
        par.forEach(bounds.length - 1, b -> {
            int[] ip = a.indptr();
            int[] ix = a.indices();
            double[] v = a.data();
            java.util.Arrays.fill(y, bounds[b] * l, bounds[b + 1] * l, 0.0);
            for (int i = bounds[b]; i < bounds[b + 1]; i++) {
                int yo = i * l;
                int p = ip[i];
                int end = ip[i + 1];
                for (; p + 7 < end; p += 8) {
                    addEight(v, ix, p, x, l, y, yo);
                }
                for (; p < end; p++) {
                    double w = v[p];
                    int xo = ix[p] * l;
                    for (int c = 0; c < l; c++) {
                        y[yo + c] += w * x[xo + c];
                    }
                }
            }
        });
    }

    /** {@link #addEight(double[], int[], int, double[], int, double[], int)} for a float {@code x}. */
    private static void addEight(double[] v, int[] ix, int p, float[] x, int l, double[] y, int yo) {
        double w0 = v[p];
        double w1 = v[p + 1];
        double w2 = v[p + 2];
        double w3 = v[p + 3];
        double w4 = v[p + 4];
        double w5 = v[p + 5];
        double w6 = v[p + 6];
        double w7 = v[p + 7];
        int x0 = ix[p] * l;
        int x1 = ix[p + 1] * l;
        int x2 = ix[p + 2] * l;
        int x3 = ix[p + 3] * l;
        int x4 = ix[p + 4] * l;
        int x5 = ix[p + 5] * l;
        int x6 = ix[p + 6] * l;
        int x7 = ix[p + 7] * l;
        for (int c = 0; c < l; c++) {
            y[yo + c] += ((w0 * x[x0 + c] + w1 * x[x1 + c]) + (w2 * x[x2 + c] + w3 * x[x3 + c]))
                    + ((w4 * x[x4 + c] + w5 * x[x5 + c]) + (w6 * x[x6 + c] + w7 * x[x7 + c]));
        }
    }

    /** {@code y = a x} summed in double as the other products and stored rounded to float. */
    static void multiply(SparseMatrix a, double[] x, int l, float[] y, Parallel par) {
        int[] bounds = balancedRows(a, 8 * par.threads());
        par.forEach(bounds.length - 1, b -> {
            int[] ip = a.indptr();
            int[] ix = a.indices();
            double[] v = a.data();
            double[] row = new double[l];
            for (int i = bounds[b]; i < bounds[b + 1]; i++) {
                java.util.Arrays.fill(row, 0.0);
                int p = ip[i];
                int end = ip[i + 1];
                for (; p + 7 < end; p += 8) {
                    addEight(v, ix, p, x, l, row, 0);
                }
                for (; p < end; p++) {
                    double w = v[p];
                    int xo = ix[p] * l;
                    for (int c = 0; c < l; c++) {
                        row[c] += w * x[xo + c];
                    }
                }
                for (int c = 0; c < l; c++) {
                    y[i * l + c] = (float) row[c];
                }
            }
        });
    }

    /** Row ranges with about equal numbers of stored entries (plus one per row, for empty rows). */
    static int[] balancedRows(SparseMatrix a, int parts) {
        int n = a.rows();
        int[] ip = a.indptr();
        int k = Math.max(1, Math.min(parts, n));
        int[] bounds = new int[k + 1];
        long total = (long) ip[n] + n;
        int row = 0;
        for (int b = 1; b < k; b++) {
            long target = total * b / k;
            while (row < n && (long) ip[row] + row < target) {
                row++;
            }
            bounds[b] = Math.max(row, bounds[b - 1]);
        }
        bounds[k] = n;
        return bounds;
    }
}
