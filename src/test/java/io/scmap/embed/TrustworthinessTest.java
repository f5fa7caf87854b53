package io.scmap.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TrustworthinessTest {
    private static final double[] LINE = {0, 1, 3, 7, 15, 31};

    private static double[][] column(double... v) {
        double[][] out = new double[v.length][];
        for (int i = 0; i < v.length; i++) {
            out[i] = new double[] {v[i]};
        }
        return out;
    }

    @Test
    void perfectEmbeddingScoresOne() {
        assertThat(Embedder.trustworthiness(column(LINE), column(LINE), 2)).isEqualTo(1.0);
    }

    /**
     * Points 0 and 5 swap places. Embedded 2-NN and their original ranks: 0 -> {4: 4, 3: 3}, 1 -> {5: 5,
     * 2: 2}, 2 -> {1: 1, 5: 5}, 3 -> {2, 1: 1, 2}, 4 -> {3, 2: 1, 2}, 5 -> {1: 4, 2: 3}; penalties
     * sum(rank - 2 where positive) = 3 + 3 + 3 + 0 + 0 + 3 = 12, so T = 1 - 12 * 2 / (6 * 2 * (12 - 6
     * - 1)) = 0.6.
     */
    @Test
    void swappedEndpointsMatchTheHandComputedValue() {
        double[] swapped = LINE.clone();
        swapped[0] = LINE[5];
        swapped[5] = LINE[0];
        assertThat(Embedder.trustworthiness(column(LINE), column(swapped), 2)).isCloseTo(0.6, within(1e-12));
    }

    @Test
    void tooManyNeighboursIsRejected() {
        assertThatThrownBy(() -> Embedder.trustworthiness(column(LINE), column(LINE), 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k must be in [1, n / 2)");
    }
}
