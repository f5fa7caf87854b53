package io.scmap.embed;

import io.scmap.matrix.SparseMatrix;

/**
 * Kernels on CSR matrices times dense row-major blocks. Every output row is written by exactly one
 * block and summed in storage order, so results are bit-identical for any number of threads.
 */
final class SparseOps {
    /** Bytes of {@code x} per column strip: a fraction of one core's L2 cache. */
    private static final long STRIP_BYTES = 1L << 18;

    /** Rows whose outputs (and strip positions) are kept hot while strips pass. */
    private static final int STRIP_ROWS = 1024;

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
     * row-major. O(nnz l). When {@code x} is larger than a cache, columns are taken in strips so that
     * one strip of {@code x} is reused across a block of rows; a row's entries are still summed in
     * storage order, so the result is the same bit for bit.
     */
    static void multiply(SparseMatrix a, double[] x, int l, double[] y, Parallel par) {
        int[] bounds = balancedRows(a, 8 * par.threads());
        long xBytes = 8L * a.cols() * l;
        int strips = xBytes <= STRIP_BYTES ? 1 : (int) Math.min(a.cols(), (xBytes + STRIP_BYTES - 1) / STRIP_BYTES);
        int width = (a.cols() + strips - 1) / Math.max(1, strips);
        par.forEach(bounds.length - 1, b -> {
            java.util.Arrays.fill(y, bounds[b] * l, bounds[b + 1] * l, 0.0);
            if (strips == 1) {
                int[] start = java.util.Arrays.copyOfRange(a.indptr(), bounds[b], bounds[b + 1]);
                advanceRows(a, x, l, y, bounds[b], bounds[b + 1], start, Integer.MAX_VALUE);
                return;
            }
            for (int from = bounds[b]; from < bounds[b + 1]; from += STRIP_ROWS) {
                int to = Math.min(bounds[b + 1], from + STRIP_ROWS);
                int[] next = java.util.Arrays.copyOfRange(a.indptr(), from, to);
                for (int s = 1; s <= strips; s++) {
                    advanceRows(a, x, l, y, from, to, next, s == strips ? Integer.MAX_VALUE : s * width);
                }
            }
        });
    }

    /** Adds every entry of rows {@code [from, to)} from {@code next[i - from]} up to column {@code end}. */
    private static void advanceRows(
            SparseMatrix a, double[] x, int l, double[] y, int from, int to, int[] next, int end) {
        int[] ip = a.indptr();
        int[] ix = a.indices();
        double[] v = a.data();
        for (int i = from; i < to; i++) {
            int yo = i * l;
            int p = next[i - from];
            for (; p < ip[i + 1] && ix[p] < end; p++) {
                double w = v[p];
                int xo = ix[p] * l;
                for (int c = 0; c < l; c++) {
                    y[yo + c] += w * x[xo + c];
                }
            }
            next[i - from] = p;
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
