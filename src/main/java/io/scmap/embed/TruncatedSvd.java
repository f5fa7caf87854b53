package io.scmap.embed;

import java.util.Arrays;

/**
 * A truncated SVD's row scores {@code U Sigma} (as scikit-learn's {@code TruncatedSVD.fit_transform})
 * and singular values. Immutable; accessors return copies.
 */
public final class TruncatedSvd {
    private final int rows;
    private final int dims;
    private final double[] scores;
    private final double[] singularValues;

    TruncatedSvd(int rows, int dims, double[] scores, double[] singularValues) {
        if (scores.length != rows * dims || singularValues.length != dims) {
            throw new IllegalArgumentException("scores must be rows x dims = " + rows + " x " + dims);
        }
        this.rows = rows;
        this.dims = dims;
        this.scores = scores;
        this.singularValues = singularValues;
    }

    /** Number of rows (points). */
    public int rows() {
        return rows;
    }

    /** Number of components: the requested count, or fewer when the matrix has fewer rows or columns. */
    public int dims() {
        return dims;
    }

    /** Singular values, largest first. */
    public double[] singularValues() {
        return singularValues.clone();
    }

    /** Row {@code i} of {@code U Sigma}. */
    public double[] row(int i) {
        return Arrays.copyOfRange(scores, i * dims, (i + 1) * dims);
    }

    /** {@code U Sigma} as {@code rows()} arrays of {@code dims()} values. */
    public double[][] scores() {
        return DenseOps.toRows(scores, rows, dims);
    }

    /** The row-major scores, not copied; callers inside the package must not modify them. */
    double[] flatScores() {
        return scores;
    }
}
