package io.scmap.matrix;

/**
 * An immutable sparse matrix in compressed sparse row (CSR) form, as scipy's {@code csr_matrix}:
 * row {@code i} holds columns {@code indices[indptr[i] .. indptr[i+1])} with values {@code data[..]};
 * column indices within a row are strictly increasing.
 *
 * <p>The arrays are owned by the matrix: {@link #of} takes them over without copying (the matrices
 * here reach hundreds of megabytes), and the accessors return them for fast kernels, which must not
 * modify them.
 */
public final class SparseMatrix {
    private final int rows;
    private final int cols;
    private final int[] indptr;
    private final int[] indices;
    private final double[] data;

    private SparseMatrix(int rows, int cols, int[] indptr, int[] indices, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.indptr = indptr;
        this.indices = indices;
        this.data = data;
    }

    /**
     * Wraps CSR arrays after checking their shape and ordering.
     *
     * @throws IllegalArgumentException naming the first inconsistency found
     */
    public static SparseMatrix of(int rows, int cols, int[] indptr, int[] indices, double[] data) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("shape must be non-negative, got " + rows + " x " + cols);
        }
        if (indptr.length != rows + 1 || indptr[0] != 0) {
            throw new IllegalArgumentException(
                    "indptr must have rows + 1 = " + (rows + 1) + " entries starting at 0, got " + indptr.length);
        }
        int nnz = indptr[rows];
        if (indices.length != nnz || data.length != nnz) {
            throw new IllegalArgumentException("indptr ends at " + nnz + " but indices has " + indices.length
                    + " and data " + data.length + " entries");
        }
        for (int i = 0; i < rows; i++) {
            if (indptr[i + 1] < indptr[i]) {
                throw new IllegalArgumentException("indptr decreases at row " + i);
            }
            for (int p = indptr[i]; p < indptr[i + 1]; p++) {
                int j = indices[p];
                if (j < 0 || j >= cols || (p > indptr[i] && j <= indices[p - 1])) {
                    throw new IllegalArgumentException(
                            "row " + i + " has column " + j + " out of range or out of order (cols = " + cols + ")");
                }
            }
        }
        return new SparseMatrix(rows, cols, indptr, indices, data);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Number of stored entries. */
    public int nnz() {
        return indptr[rows];
    }

    /** Row pointers, {@code rows + 1} entries. Read-only. */
    public int[] indptr() {
        return indptr;
    }

    /** Column index of each stored entry. Read-only. */
    public int[] indices() {
        return indices;
    }

    /** Value of each stored entry. Read-only. */
    public double[] data() {
        return data;
    }

    /** Sum of the values in row {@code i}. */
    public double rowSum(int i) {
        double s = 0;
        for (int p = indptr[i]; p < indptr[i + 1]; p++) {
            s += data[p];
        }
        return s;
    }

    /** Value at {@code (i, j)}, zero where nothing is stored. O(log of the row's length). */
    public double get(int i, int j) {
        int lo = indptr[i];
        int hi = indptr[i + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (indices[mid] < j) {
                lo = mid + 1;
            } else if (indices[mid] > j) {
                hi = mid - 1;
            } else {
                return data[mid];
            }
        }
        return 0;
    }
}
