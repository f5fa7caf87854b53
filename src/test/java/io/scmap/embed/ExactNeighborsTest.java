package io.scmap.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ExactNeighborsTest {
    /** Every other point sorted by (squared distance, index), the query itself first. */
    private static int[] naive(double[][] points, int q, int k) {
        double[] d2 = new double[points.length];
        for (int j = 0; j < points.length; j++) {
            double s = 0;
            for (int d = 0; d < points[q].length; d++) {
                double e = points[q][d] - points[j][d];
                s += e * e;
            }
            d2[j] = s;
        }
        int[] others = IntStream.range(0, points.length)
                .filter(j -> j != q)
                .boxed()
                .sorted(Comparator.<Integer>comparingDouble(j -> d2[j]).thenComparing(j -> j))
                .limit(k - 1)
                .mapToInt(Integer::intValue)
                .toArray();
        return IntStream.concat(IntStream.of(q), IntStream.of(others)).toArray();
    }

    private static void assertMatchesFullScan(double[][] points, int k) {
        Neighbors nb = Embedder.nearestNeighbors(points, k, 2);
        for (int q = 0; q < points.length; q++) {
            assertThat(nb.indices(q)).as("query %d", q).containsExactly(naive(points, q, k));
            assertThat(nb.distances(q)[0]).isZero();
            assertThat(nb.distances(q)).isSorted();
        }
    }

    @Test
    void clusteredPointsGetExactlyTheFullScansNeighbours() {
        assertMatchesFullScan(TestData.blobs(6, 100, 10, 3.0, 21).points, 20);
    }

    @Test
    void tiesAreBrokenByIndexAsInAFullScan() {
        double[][] grid = new double[400][];
        for (int i = 0; i < 400; i++) {
            grid[i] = new double[] {i % 20, Math.floorDiv(i, 20), 0};
        }
        assertMatchesFullScan(grid, 9);
    }

    @Test
    void duplicatesFollowThePointItself() {
        double[][] points = {{1, 1}, {0, 0}, {1, 1}, {1, 1}, {5, 5}};
        Neighbors nb = Embedder.nearestNeighbors(points, 3, 1);
        assertThat(nb.indices(2)).containsExactly(2, 0, 3);
        assertThat(nb.distances(2)).containsExactly(0, 0, 0);
        assertThat(nb.indices(4)[0]).isEqualTo(4);
    }

    @Test
    void oneNeighbourIsThePointItself() {
        Neighbors nb = Embedder.nearestNeighbors(TestData.blobs(1, 5, 2, 0, 1).points, 1, 1);
        for (int q = 0; q < 5; q++) {
            assertThat(nb.indices(q)).containsExactly(q);
        }
    }
}
