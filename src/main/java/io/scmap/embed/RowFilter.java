package io.scmap.embed;

import io.scmap.matrix.ColumnLabel;
import io.scmap.matrix.InteractionMatrix;
import io.scmap.matrix.RowLabel;
import io.scmap.matrix.SparseMatrix;
import java.util.Arrays;

/**
 * The reference's row filters, in its order: row total {@code > minTotal}; metadata present (a
 * follower count and an emerge date); L1 normalisation (each value times {@code 1 / total}, as scipy's
 * {@code diags(1 / total) @ A}); largest share {@code <= maxShare}. The result keeps only the columns
 * some kept row uses, in their original order. O(nnz).
 */
final class RowFilter {
    /** Indices of the kept rows in the input. */
    final int[] kept;

    final FilterCounts counts;

    /** Kept rows, normalised, by used columns. */
    final SparseMatrix matrix;

    private RowFilter(int[] kept, FilterCounts counts, SparseMatrix matrix) {
        this.kept = kept;
        this.counts = counts;
        this.matrix = matrix;
    }

    /**
     * @throws IllegalArgumentException naming the row and column of a non-finite value, or when no
     *     row passes, with the count after each filter
     */
    static RowFilter apply(InteractionMatrix m, EmbedParams p) {
        SparseMatrix a = m.values();
        requireFinite(m);
        int n = a.rows();
        int[] byTotal = new int[n];
        int afterTotal = 0;
        for (int i = 0; i < n; i++) {
            if (a.rowSum(i) > p.minTotal()) {
                byTotal[afterTotal++] = i;
            }
        }
        int[] byMeta = new int[afterTotal];
        int afterMeta = 0;
        for (int t = 0; t < afterTotal; t++) {
            int i = byTotal[t];
            if (!p.requireMetadata() || hasMetadata(m.rows().get(i))) {
                byMeta[afterMeta++] = i;
            }
        }
        int[] kept = new int[afterMeta];
        int afterShare = 0;
        for (int t = 0; t < afterMeta; t++) {
            int i = byMeta[t];
            if (largestShare(a, i) <= p.maxShare()) {
                kept[afterShare++] = i;
            }
        }
        FilterCounts counts = new FilterCounts(n, afterTotal, afterMeta, afterShare);
        if (afterShare == 0) {
            throw new IllegalArgumentException(emptyMessage(counts, p));
        }
        kept = Arrays.copyOf(kept, afterShare);
        return new RowFilter(kept, counts, normalised(a, kept));
    }

    static boolean hasMetadata(RowLabel label) {
        return label.followers() >= 0 && label.emergeDate() != null;
    }

    /** The row's largest normalised value, counting unstored zeros as scipy's {@code max} does. */
    private static double largestShare(SparseMatrix a, int i) {
        double inv = 1.0 / a.rowSum(i);
        int[] ip = a.indptr();
        double max = ip[i + 1] - ip[i] < a.cols() ? 0.0 : Double.NEGATIVE_INFINITY;
        for (int p = ip[i]; p < ip[i + 1]; p++) {
            max = Math.max(max, a.data()[p] * inv);
        }
        return max;
    }

    private static SparseMatrix normalised(SparseMatrix a, int[] kept) {
        int[] ip = a.indptr();
        int[] ix = a.indices();
        int[] newColumn = new int[a.cols()];
        Arrays.fill(newColumn, -1);
        for (int i : kept) {
            for (int p = ip[i]; p < ip[i + 1]; p++) {
                newColumn[ix[p]] = 0;
            }
        }
        int used = 0;
        for (int j = 0; j < newColumn.length; j++) {
            if (newColumn[j] == 0) {
                newColumn[j] = used++;
            }
        }
        int[] indptr = new int[kept.length + 1];
        for (int r = 0; r < kept.length; r++) {
            indptr[r + 1] = indptr[r] + ip[kept[r] + 1] - ip[kept[r]];
        }
        int[] indices = new int[indptr[kept.length]];
        double[] data = new double[indices.length];
        for (int r = 0; r < kept.length; r++) {
            int i = kept[r];
            double inv = 1.0 / a.rowSum(i);
            int q = indptr[r];
            for (int p = ip[i]; p < ip[i + 1]; p++, q++) {
                indices[q] = newColumn[ix[p]];
                data[q] = a.data()[p] * inv;
            }
        }
        return SparseMatrix.of(kept.length, used, indptr, indices, data);
    }

    private static void requireFinite(InteractionMatrix m) {
        SparseMatrix a = m.values();
        for (int i = 0; i < a.rows(); i++) {
            for (int p = a.indptr()[i]; p < a.indptr()[i + 1]; p++) {
                double v = a.data()[p];
                if (!Double.isFinite(v)) {
                    RowLabel row = m.rows().get(i);
                    ColumnLabel col = m.columns().get(a.indices()[p]);
                    throw new IllegalArgumentException(
                            "row " + i + " ('" + row.permalink() + "') has the non-finite value " + v + " in column "
                                    + a.indices()[p] + " ('" + col.permalink() + "')");
                }
            }
        }
    }

    private static String emptyMessage(FilterCounts c, EmbedParams p) {
        return "no rows left after the filters (input " + c.input() + ", total > " + format(p.minTotal())
                + " kept " + c.afterTotal() + ", followers and emerge date "
                + (p.requireMetadata() ? "present" : "not required") + " kept " + c.afterMetadata()
                + ", largest share <= " + format(p.maxShare()) + " kept " + c.afterShare() + ")";
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
