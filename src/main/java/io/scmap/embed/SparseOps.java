package io.scmap.embed;

import io.scmap.matrix.SparseMatrix;

/**
 * Kernels on CSR matrices times dense row-major blocks. Every output row is written by exactly one
 * block and summed in storage order, so results are bit-identical for any number of threads.
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
     * {@code y = a x}, with {@code x} ({@code a.cols() x l}) and {@code y} ({@code a.rows() x l})
     * row-major. O(nnz l).
     */
    static void multiply(SparseMatrix a, double[] x, int l, double[] y, Parallel par) {
        int[] bounds = balancedRows(a, 8 * par.threads());
        par.forEach(bounds.length - 1, b -> multiplyRows(a, x, l, y, bounds[b], bounds[b + 1]));
    }

    private static void multiplyRows(SparseMatrix a, double[] x, int l, double[] y, int from, int to) {
        int[] ip = a.indptr();
        int[] ix = a.indices();
        double[] v = a.data();
        for (int i = from; i < to; i++) {
            int yo = i * l;
            java.util.Arrays.fill(y, yo, yo + l, 0.0);
            for (int p = ip[i]; p < ip[i + 1]; p++) {
                double w = v[p];
                int xo = ix[p] * l;
                for (int c = 0; c < l; c++) {
                    y[yo + c] += w * x[xo + c];
                }
            }
        }
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
