package io.scmap.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClustererNearestNeighborsTest {
    @Test
    void equalsBruteForceOnRandomPointsWithDuplicates() {
        SplittableRandom random = new SplittableRandom(17);
        int n = 1500;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            if (i > 0 && random.nextInt(8) == 0) {
                int j = random.nextInt(i);
                x[i] = x[j];
                y[i] = y[j];
            } else {
                x[i] = random.nextDouble() * 100;
                y[i] = random.nextDouble() * 50;
            }
        }
        assertMatchesBruteForce(x, y, 7);
        assertMatchesBruteForce(x, y, 1);
    }

    @Test
    void equalsBruteForceOnALatticeFullOfTies() {
        int n = 900;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % 30;
            y[i] = (i / 30) % 15; // every lattice point twice
        }
        assertMatchesBruteForce(x, y, 10);
    }

    @Test
    void rowsShrinkToTheOtherPointsAvailable() {
        int[][] neighbours = Clusterer.nearestNeighbors(new double[] {0, 3, 1}, new double[] {0, 0, 0}, 5);
        assertThat(neighbours[0]).containsExactly(2, 1);
        assertThat(neighbours[1]).containsExactly(2, 0);
        assertThat(neighbours[2]).containsExactly(0, 1);
        assertThat(Clusterer.nearestNeighbors(new double[] {0, 1}, new double[] {0, 0}, 0)[0])
                .isEmpty();
        assertThat(Clusterer.nearestNeighbors(new double[0], new double[0], 3)).isEmpty();
        assertThat(Clusterer.nearestNeighbors(new double[] {4}, new double[] {2}, 3)[0])
                .isEmpty();
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> Clusterer.nearestNeighbors(new double[1], new double[1], -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("k must be >= 0, got -1");
        assertThatThrownBy(() -> Clusterer.nearestNeighbors(new double[] {0, Double.NaN}, new double[2], 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("x[1] must be finite, got NaN");
    }

    /** Indices of the k smallest entries of d other than {@code self}, by (value, index); O(nk). */
    private static int[] smallest(double[] d, int self, int k) {
        int[] result = new int[k];
        boolean[] taken = new boolean[d.length];
        taken[self] = true;
        for (int r = 0; r < k; r++) {
            int best = -1;
            for (int j = 0; j < d.length; j++) {
                if (!taken[j] && (best < 0 || d[j] < d[best])) {
                    best = j;
                }
            }
            taken[best] = true;
            result[r] = best;
        }
        return result;
    }

    private static void assertMatchesBruteForce(double[] x, double[] y, int k) {
        int[][] fast = Clusterer.nearestNeighbors(x, y, k);
        for (int i = 0; i < x.length; i++) {
            int p = i;
            double[] d = new double[x.length];
            for (int j = 0; j < x.length; j++) {
                double dx = x[p] - x[j];
                double dy = y[p] - y[j];
                d[j] = dx * dx + dy * dy;
            }
            int[] expected = smallest(d, p, k);
            assertThat(fast[i]).as("neighbours of %d", i).containsExactly(expected);
        }
        assertThat(Arrays.stream(fast).allMatch(row -> row.length == k)).isTrue();
    }
}
