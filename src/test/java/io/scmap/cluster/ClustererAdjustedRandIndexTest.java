package io.scmap.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClustererAdjustedRandIndexTest {
    @Test
    void identicalAndRelabelledPartitionsScoreOne() {
        assertThat(Clusterer.adjustedRandIndex(new int[] {0, 0, 1, 1}, new int[] {0, 0, 1, 1}))
                .isEqualTo(1.0);
        assertThat(Clusterer.adjustedRandIndex(new int[] {0, 0, 1, 1}, new int[] {1, 1, 0, 0}))
                .isEqualTo(1.0);
        assertThat(Clusterer.adjustedRandIndex(new int[] {-1, 5, 5, 7, -1}, new int[] {3, 0, 0, 9, 3}))
                .isEqualTo(1.0);
    }

    @Test
    void matchesScikitLearnDocstringExamples() {
        // scikit-learn >= 0.24 computes 2(tp·tn − fn·fp)/…, which rounds 4/7 to 0.5714285714285714; the
        // older comb-based formula printed 0.5714285714285715. Both are 4/7 within one ulp.
        assertThat(Clusterer.adjustedRandIndex(new int[] {0, 0, 1, 1}, new int[] {0, 0, 1, 2}))
                .isEqualTo(4.0 / 7)
                .isCloseTo(0.5714285714285715, within(2e-16));
        assertThat(Clusterer.adjustedRandIndex(new int[] {0, 0, 1, 2}, new int[] {0, 0, 1, 1}))
                .isEqualTo(4.0 / 7);
        assertThat(Clusterer.adjustedRandIndex(new int[] {0, 0, 0, 0}, new int[] {0, 1, 2, 3}))
                .isEqualTo(0.0);
        assertThat(Clusterer.adjustedRandIndex(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1}))
                .isEqualTo(-0.5);
    }

    @Test
    void matchesAHandComputedPairCount() {
        // Contingency {{2,1,0},{0,1,2}}: ordered pairs tp=4, fp=2, fn=8, tn=16 -> 2·48/396 = 8/33
        // (the user-guide example, 0.24...).
        assertThat(Clusterer.adjustedRandIndex(new int[] {0, 0, 0, 1, 1, 1}, new int[] {0, 0, 1, 1, 2, 2}))
                .isEqualTo(8.0 / 33);
    }

    @Test
    void degenerateInputsScoreAsScikitLearnDoes() {
        assertThat(Clusterer.adjustedRandIndex(new int[0], new int[0])).isEqualTo(1.0);
        assertThat(Clusterer.adjustedRandIndex(new int[] {0}, new int[] {5})).isEqualTo(1.0);
        assertThat(Clusterer.adjustedRandIndex(new int[] {2, 2, 2}, new int[] {-1, -1, -1}))
                .isEqualTo(1.0);
        // All noise against a real partition: noise is just one more label.
        assertThat(Clusterer.adjustedRandIndex(new int[] {-1, -1, -1, -1}, new int[] {0, 0, 1, 1}))
                .isEqualTo(0.0);
    }

    @Test
    void isSymmetricAndNearZeroForIndependentLabelings() {
        SplittableRandom random = new SplittableRandom(3);
        int n = 50_000;
        int[] a = new int[n];
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = random.nextInt(7) - 1;
            b[i] = random.nextInt(11);
        }
        double ab = Clusterer.adjustedRandIndex(a, b);
        assertThat(ab).isEqualTo(Clusterer.adjustedRandIndex(b, a));
        assertThat(ab).isCloseTo(0.0, within(1e-3));
        assertThat(ab).isCloseTo(combFormula(a, b), within(1e-9));
    }

    @Test
    void comparesStringLabelsLikeIntegerOnes() {
        List<String> truth = List.of("techno", "techno", "dnb", "dnb", "house", "house");
        List<String> found = List.of("0", "0", "1", "1", "1", "-1");
        int[] truthIds = {0, 0, 1, 1, 2, 2};
        int[] foundIds = {0, 0, 1, 1, 1, -1};
        assertThat(Clusterer.adjustedRandIndex(truth, found))
                .isEqualTo(Clusterer.adjustedRandIndex(truthIds, foundIds));
        assertThatThrownBy(() -> Clusterer.adjustedRandIndex(List.of("a"), List.of("a", "b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("labelings must have equal length, got 1 and 2");
    }

    /** The textbook Hubert–Arabie formula over pair counts C(n, 2), as an independent check. */
    private static double combFormula(int[] a, int[] b) {
        java.util.Map<Long, Long> cells = new java.util.HashMap<>();
        java.util.Map<Integer, Long> rows = new java.util.HashMap<>();
        java.util.Map<Integer, Long> columns = new java.util.HashMap<>();
        for (int i = 0; i < a.length; i++) {
            cells.merge(((long) a[i] << 32) ^ (b[i] & 0xffffffffL), 1L, Long::sum);
            rows.merge(a[i], 1L, Long::sum);
            columns.merge(b[i], 1L, Long::sum);
        }
        double index =
                cells.values().stream().mapToDouble(v -> v * (v - 1) / 2.0).sum();
        double sumRows =
                rows.values().stream().mapToDouble(v -> v * (v - 1) / 2.0).sum();
        double sumColumns =
                columns.values().stream().mapToDouble(v -> v * (v - 1) / 2.0).sum();
        double pairs = a.length * (a.length - 1.0) / 2.0;
        double expected = sumRows * sumColumns / pairs;
        return (index - expected) / ((sumRows + sumColumns) / 2 - expected);
    }
}
