package io.scmap.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoreSnapshotTest {
    private static final SparseMatrix EMPTY = SparseMatrix.of(2, 3, new int[3], new int[0], new double[0]);

    @Test
    void sumsOverlappingCellsAndKeepsTheOthers() {
        SparseMatrix a = SparseMatrix.of(2, 3, new int[] {0, 2, 3}, new int[] {0, 2, 1}, new double[] {1, 3, 4});
        SparseMatrix b = SparseMatrix.of(2, 3, new int[] {0, 1, 3}, new int[] {2, 0, 1}, new double[] {0.5, 0, 6});

        SparseMatrix sum = StoreSnapshot.add(a, b);

        NpzTest.assertSameMatrix(
                sum, SparseMatrix.of(2, 3, new int[] {0, 2, 4}, new int[] {0, 2, 0, 1}, new double[] {1, 3.5, 0, 10}));
    }

    @Test
    void returnsEitherSideUntouchedWhereTheOtherStoresNothing() {
        SparseMatrix a = SparseMatrix.of(2, 3, new int[] {0, 1, 1}, new int[] {1}, new double[] {-0.0});

        assertThat(StoreSnapshot.add(a, EMPTY)).isSameAs(a);
        assertThat(StoreSnapshot.add(EMPTY, a)).isSameAs(a);
    }
}
