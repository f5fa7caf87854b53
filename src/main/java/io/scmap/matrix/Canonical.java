package io.scmap.matrix;

import java.util.Arrays;

/**
 * Checks sparse arrays read from a file and turns them into canonical CSR: column indices sorted
 * within each row, duplicate entries summed (as scipy's {@code sum_duplicates}; explicit zeros are
 * kept, as scipy keeps them). Canonical CSR input is taken over without copying; anything else is
 * counting-sorted by row, then each unsorted row sorted by column: O(nnz log(longest row)).
 */
final class Canonical {
    private final String file;
    private final int rows;
    private final int cols;

    Canonical(String file, int rows, int cols) {
        this.file = file;
        this.rows = rows;
        this.cols = cols;
    }

    private MatrixFormatException fail(String problem) {
        return new MatrixFormatException(file + ": " + problem);
    }

    private String shape() {
        return "shape (" + rows + ", " + cols + ")";
    }

    /** CSR ({@code rowMajor}) or CSC arrays. */
    SparseMatrix fromCompressed(int[] indptr, int[] indices, double[] data, boolean rowMajor)
            throws MatrixFormatException {
        int major = rowMajor ? rows : cols;
        int minor = rowMajor ? cols : rows;
        if (indptr.length != major + 1) {
            throw fail(shape() + " does not match indptr length " + indptr.length);
        }
        if (indptr[0] != 0) {
            throw fail("indptr starts at " + indptr[0] + ", not 0");
        }
        int nnz = indptr[major];
        if (indices.length != nnz || data.length != nnz) {
            throw fail("indptr ends at " + nnz + " but indices has " + indices.length + " and data " + data.length
                    + " entries");
        }
        boolean sorted = rowMajor;
        for (int a = 0; a < major; a++) {
            if (indptr[a + 1] < indptr[a]) {
                throw fail("indptr decreases at position " + (a + 1));
            }
            for (int p = indptr[a]; p < indptr[a + 1]; p++) {
                int b = indices[p];
                int row = rowMajor ? a : b;
                if (b < 0 || b >= minor) {
                    throw fail((rowMajor ? "column" : "row") + " index " + b + " out of range at "
                            + (rowMajor ? "row " : "column ") + a + " for " + shape());
                }
                checkValue(data[p], row);
                sorted &= p == indptr[a] || indices[p - 1] < b;
            }
        }
        if (sorted) {
            return SparseMatrix.of(rows, cols, indptr, indices, data);
        }
        int[] expanded = new int[nnz];
        for (int a = 0; a < major; a++) {
            Arrays.fill(expanded, indptr[a], indptr[a + 1], a);
        }
        return rowMajor ? build(expanded, indices, data) : build(indices, expanded, data);
    }

    /** COO arrays: one (row, column, value) per entry, in any order, duplicates allowed. */
    SparseMatrix fromTriplets(int[] row, int[] col, double[] data, String rowKey) throws MatrixFormatException {
        if (row.length != col.length || row.length != data.length) {
            throw fail(rowKey + ", col and data have " + row.length + ", " + col.length + " and " + data.length
                    + " entries");
        }
        for (int p = 0; p < row.length; p++) {
            if (row[p] < 0 || row[p] >= rows || col[p] < 0 || col[p] >= cols) {
                throw fail("entry (" + row[p] + ", " + col[p] + ") out of range for " + shape());
            }
            checkValue(data[p], row[p]);
        }
        return build(row, col, data);
    }

    private void checkValue(double v, int row) throws MatrixFormatException {
        if (Double.isNaN(v)) {
            throw fail("NaN in data at row " + row);
        }
        if (Double.isInfinite(v)) {
            throw fail("infinite value in data at row " + row);
        }
    }

    /** Counting sort by row, then sort and merge each row by column. Inputs are checked. */
    private SparseMatrix build(int[] row, int[] col, double[] data) {
        int n = row.length;
        int[] start = new int[rows + 1];
        for (int r : row) {
            start[r + 1]++;
        }
        for (int i = 0; i < rows; i++) {
            start[i + 1] += start[i];
        }
        int[] next = Arrays.copyOf(start, rows);
        int[] indices = new int[n];
        double[] values = new double[n];
        for (int p = 0; p < n; p++) {
            int q = next[row[p]]++;
            indices[q] = col[p];
            values[q] = data[p];
        }
        int[] indptr = new int[rows + 1];
        int out = 0;
        for (int i = 0; i < rows; i++) {
            sortRow(indices, values, start[i], start[i + 1]);
            for (int p = start[i]; p < start[i + 1]; p++) {
                if (out > indptr[i] && indices[out - 1] == indices[p]) {
                    values[out - 1] += values[p];
                } else {
                    indices[out] = indices[p];
                    values[out++] = values[p];
                }
            }
            indptr[i + 1] = out;
        }
        return SparseMatrix.of(rows, cols, indptr, Arrays.copyOf(indices, out), Arrays.copyOf(values, out));
    }

    /** Sorts one row's entries by column, stably (so duplicates are summed in file order). */
    private static void sortRow(int[] indices, double[] values, int from, int to) {
        boolean sorted = true;
        for (int p = from + 1; p < to && sorted; p++) {
            sorted = indices[p - 1] <= indices[p];
        }
        if (sorted) {
            return;
        }
        long[] keys = new long[to - from];
        for (int p = from; p < to; p++) {
            keys[p - from] = (long) indices[p] << 32 | (p - from);
        }
        Arrays.sort(keys);
        double[] copy = Arrays.copyOfRange(values, from, to);
        for (int k = 0; k < keys.length; k++) {
            indices[from + k] = (int) (keys[k] >>> 32);
            values[from + k] = copy[(int) keys[k]];
        }
    }
}
