package io.scmap.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scmap.matrix.ColumnLabel;
import io.scmap.matrix.InteractionMatrix;
import io.scmap.matrix.RowLabel;
import io.scmap.matrix.SparseMatrix;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowFilterTest {
    private static final LocalDate DATE = LocalDate.of(2016, 5, 1);

    /**
     * Row 0: total exactly 40 (dropped by total). Row 1: total 41 (kept). Rows 2, 3: no followers, no
     * emerge date (dropped by metadata). Row 4: largest share exactly 0.4 (kept). Row 5: share 0.42
     * (dropped by share). Row 6: kept. Column 6 is used only by row 0.
     */
    private static InteractionMatrix handMade() {
        double[][] dense = {
            {20, 0, 0, 0, 0, 0, 20},
            {11, 10, 10, 10, 0, 0, 0},
            {10, 10, 10, 10, 10, 0, 0},
            {10, 10, 10, 10, 10, 0, 0},
            {20, 10, 10, 10, 0, 0, 0},
            {21, 10, 10, 9, 0, 0, 0},
            {0, 0, 30, 30, 20, 20, 0},
        };
        List<RowLabel> rows = new ArrayList<>();
        for (int i = 0; i < dense.length; i++) {
            long followers = i == 2 ? -1 : 10;
            LocalDate date = i == 3 ? null : DATE;
            rows.add(new RowLabel(i, "artist-" + i, "Artist " + i, followers, date));
        }
        return new InteractionMatrix(TestData.sparse(dense, 7), rows, columns(7));
    }

    private static List<ColumnLabel> columns(int n) {
        List<ColumnLabel> cols = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            cols.add(new ColumnLabel(j, "col-" + j, ""));
        }
        return cols;
    }

    @Test
    void eachFilterRemovesItsKnownRows() {
        RowFilter f = RowFilter.apply(handMade(), EmbedParams.DEFAULTS);
        assertThat(f.counts).isEqualTo(new FilterCounts(7, 6, 4, 3));
        assertThat(f.kept).containsExactly(1, 4, 6);
    }

    @Test
    void totalEqualToMinTotalIsDroppedAndShareEqualToMaxShareIsKept() {
        RowFilter f = RowFilter.apply(handMade(), EmbedParams.DEFAULTS);
        assertThat(f.kept).doesNotContain(0).contains(4);
        RowFilter lower = RowFilter.apply(handMade(), EmbedParams.DEFAULTS.withMinTotal(39.999));
        assertThat(lower.kept).doesNotContain(0); // total 40 passes, but its share 0.5 does not
        assertThat(lower.counts.afterTotal()).isEqualTo(7);
    }

    @Test
    void keptRowsAreL1NormalisedOverTheUsedColumnsOnly() {
        SparseMatrix m = RowFilter.apply(handMade(), EmbedParams.DEFAULTS).matrix;
        assertThat(m.rows()).isEqualTo(3);
        assertThat(m.cols()).isEqualTo(6);
        for (int i = 0; i < 3; i++) {
            assertThat(m.rowSum(i)).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
        }
        assertThat(m.get(1, 0)).isEqualTo(0.4);
        assertThat(m.get(2, 4)).isEqualTo(0.2);
    }

    @Test
    void metadataFilterCanBeTurnedOff() {
        RowFilter f = RowFilter.apply(handMade(), EmbedParams.DEFAULTS.withRequireMetadata(false));
        assertThat(f.counts).isEqualTo(new FilterCounts(7, 6, 6, 5));
        assertThat(f.kept).containsExactly(1, 2, 3, 4, 6);
    }

    @Test
    void everythingFilteredAwayIsAClearError() {
        double[][] dense = {{10, 5}, {40, 0}, {1, 1}};
        List<RowLabel> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rows.add(new RowLabel(i, "a" + i, "A", 1, DATE));
        }
        InteractionMatrix m = new InteractionMatrix(TestData.sparse(dense, 2), rows, columns(2));
        assertThatThrownBy(() -> Embedder.embed(m, EmbedParams.DEFAULTS, EmbedListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no rows left after the filters (input 3, total > 40 kept 0, followers and emerge date"
                        + " present kept 0, largest share <= 0.4 kept 0)");
    }

    @Test
    void nanInTheDataNamesTheRow() {
        double[][] dense = {{50, 30, 20}, {50, 0, 40}};
        SparseMatrix clean = TestData.sparse(dense, 3);
        double[] data = clean.data().clone();
        data[3] = Double.NaN;
        SparseMatrix bad = SparseMatrix.of(2, 3, clean.indptr(), clean.indices(), data);
        List<RowLabel> rows =
                List.of(new RowLabel(0, "first", "First", 1, DATE), new RowLabel(1, "second", "Second", 1, DATE));
        InteractionMatrix m = new InteractionMatrix(bad, rows, columns(3));
        assertThatThrownBy(() -> Embedder.embed(m, EmbedParams.DEFAULTS, EmbedListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 1 ('second')")
                .hasMessageContaining("NaN")
                .hasMessageContaining("column 0 ('col-0')");
    }
}
