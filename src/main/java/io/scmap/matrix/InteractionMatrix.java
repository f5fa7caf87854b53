package io.scmap.matrix;

import java.util.List;
import java.util.Objects;

/**
 * The interaction matrix with its labels: scraped accounts (rows, in crawl order) by accounts
 * interacted with (columns, in first-seen order), each value the weighted interaction count.
 */
public record InteractionMatrix(SparseMatrix values, List<RowLabel> rows, List<ColumnLabel> columns) {
    public InteractionMatrix {
        Objects.requireNonNull(values, "values");
        rows = List.copyOf(rows);
        columns = List.copyOf(columns);
        if (rows.size() != values.rows() || columns.size() != values.cols()) {
            throw new IllegalArgumentException("labels are " + rows.size() + " x " + columns.size()
                    + " but the matrix is " + values.rows() + " x " + values.cols());
        }
    }
}
