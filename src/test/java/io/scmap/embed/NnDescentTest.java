package io.scmap.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class NnDescentTest {
    private static Neighbors approximate(double[] x, int n, int dim, int k, long seed, int threads) {
        try (Parallel par = new Parallel(threads)) {
            return new NnDescent().search(x, n, dim, k, new SplittableRandom(seed), par, EmbedListener.NONE);
        }
    }

    private static Neighbors exact(double[] x, int n, int dim, int k) {
        try (Parallel par = new Parallel(2)) {
            return new ExactNeighbors().search(x, n, dim, k, par, EmbedListener.NONE);
        }
    }

    private static double recall(double[] x, int n, int dim, int k) {
        double recall = KnnTestData.recall(approximate(x, n, dim, k, 1, 2), exact(x, n, dim, k));
        System.out.printf("NN-descent recall, %d points in %d-D, k=%d: %.4f%n", n, dim, k, recall);
        return recall;
    }

    @Test
    void findsTheNeighboursOfClusteredSvdLikePoints() {
        assertThat(recall(KnnTestData.clustered(4000, 64, 30, 0.05, 3), 4000, 64, 15))
                .isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void findsTheNeighboursOfUniformPoints() {
        assertThat(recall(KnnTestData.uniform(4000, 16, 4), 4000, 16, 15)).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    @Tag("slow")
    void findsTheNeighboursOfLargerSetsAtUmapsNeighbourCounts() {
        assertThat(recall(KnnTestData.clustered(20_000, 100, 40, 0.05, 5), 20_000, 100, 15))
                .isGreaterThanOrEqualTo(0.95);
        assertThat(recall(KnnTestData.clustered(10_000, 100, 30, 0.05, 5), 10_000, 100, 100))
                .isGreaterThanOrEqualTo(0.95);
        assertThat(recall(KnnTestData.uniform(20_000, 16, 6), 20_000, 16, 15)).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void sameSeedSameNeighboursWhateverTheThreadCount() {
        double[] x = withDuplicates(KnnTestData.clustered(3000, 20, 12, 0.1, 7), 3000, 20);
        Neighbors one = approximate(x, 3000, 20, 10, 42, 1);
        for (int threads : new int[] {2, 3}) {
            Neighbors other = approximate(x, 3000, 20, 10, 42, threads);
            assertThat(other.flatIndices()).as("%d threads", threads).containsExactly(one.flatIndices());
            assertThat(other.flatDistances()).as("%d threads", threads).containsExactly(one.flatDistances());
        }
        assertThat(approximate(x, 3000, 20, 10, 43, 2).flatIndices()).isNotEqualTo(one.flatIndices());
    }

    @Test
    void everyListIsThePointThenDistinctOthersByExactDistance() {
        int n = 2000;
        int dim = 30;
        double[] x = KnnTestData.clustered(n, dim, 10, 0.05, 8);
        Neighbors nb = approximate(x, n, dim, 12, 1, 2);
        for (int i = 0; i < n; i++) {
            int[] idx = nb.indices(i);
            double[] d = nb.distances(i);
            assertThat(idx[0]).isEqualTo(i);
            assertThat(d[0]).isZero();
            assertThat(Arrays.stream(idx).distinct().count()).isEqualTo(12);
            assertThat(d).isSorted();
            for (int s = 1; s < 12; s++) {
                double truth = Math.sqrt(ExactNeighbors.squaredDistance(x, i * dim, idx[s] * dim, dim));
                assertThat(d[s]).isEqualTo(truth);
            }
        }
    }

    /** Sets no larger than a leaf (10 points, or k) fall in one leaf, so every pair is compared. */
    @Test
    void smallSetsAreSearchedExactly() {
        for (int n : new int[] {1, 2, 3, 9, 10, 40}) {
            double[] x = KnnTestData.clustered(n, 5, 2, 0, n);
            for (int k : n <= 10 ? new int[] {1, Math.min(n, 4), n} : new int[] {n - 1, n}) {
                assertThat(approximate(x, n, 5, k, 1, 2).flatIndices())
                        .as("n %d, k %d", n, k)
                        .containsExactly(exact(x, n, 5, k).flatIndices());
            }
        }
    }

    @Test
    void manyIdenticalRowsNeitherBreakNorStallIt() {
        int n = 3000;
        int dim = 20;
        double[] x = withDuplicates(KnnTestData.clustered(n, dim, 8, 0.05, 9), n, 2);
        NnDescent search = new NnDescent();
        Neighbors nb;
        try (Parallel par = new Parallel(2)) {
            nb = search.search(x, n, dim, 15, new SplittableRandom(3), par, EmbedListener.NONE);
        }
        assertThat(search.report()).containsEntry("knnStop", "converged");
        Neighbors truth = exact(x, n, dim, 15);
        for (int i = 0; i < n; i++) {
            assertThat(nb.indices(i)[0]).isEqualTo(i);
            assertThat(Arrays.stream(nb.indices(i)).distinct().count()).isEqualTo(15);
            if (i % 2 == 0) {
                assertThat(nb.distances(i)).as("copy %d", i).containsOnly(0.0);
            }
        }
        assertThat(distanceRecall(nb, truth)).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void aSetOfOneRepeatedPointGetsDistinctNeighboursAtZero() {
        double[] x = new double[500 * 4];
        Arrays.fill(x, 0.25);
        Neighbors nb = approximate(x, 500, 4, 10, 1, 2);
        for (int i = 0; i < 500; i++) {
            assertThat(nb.indices(i)[0]).isEqualTo(i);
            assertThat(Arrays.stream(nb.indices(i)).distinct().count()).isEqualTo(10);
            assertThat(nb.distances(i)).containsOnly(0.0);
        }
    }

    @Test
    void reportsWhatItDid() {
        NnDescent search = new NnDescent();
        try (Parallel par = new Parallel(1)) {
            search.search(KnnTestData.uniform(600, 3, 1), 600, 3, 8, new SplittableRandom(1), par, EmbedListener.NONE);
        }
        assertThat(search.report())
                .containsEntry("knn", "nn-descent")
                .containsEntry("knnListSize", NnDescent.MIN_LIST)
                .containsEntry("knnLeafSize", NnDescent.MIN_LIST)
                .containsEntry("knnMaxCandidates", 60)
                .containsKeys("knnTrees", "knnIterations", "knnChangesPerIteration", "knnStop", "knnDistances");
        assertThat(new ExactNeighbors().report()).containsEntry("knn", "exact");
    }

    @Test
    void rejectsBadSettingsAndNeighbourCounts() {
        assertThatThrownBy(() -> new NnDescent(0, 0, 0, 0.001)).hasMessageContaining("maxCandidates 0");
        assertThatThrownBy(() -> new NnDescent(0, 0, 60, Double.NaN)).hasMessageContaining("delta NaN");
        assertThatThrownBy(() -> approximate(new double[6], 3, 2, 4, 1, 1)).hasMessage("k must be in [1, 3], got 4");
    }

    /**
     * The points with every {@code every}-th row (from 0) replaced by a copy of row 0; the copies hold
     * a far larger group of identical rows than any neighbour list.
     */
    private static double[] withDuplicates(double[] x, int n, int every) {
        int dim = x.length / n;
        for (int i = 0; i < n; i += every) {
            System.arraycopy(x, 0, x, i * dim, dim);
        }
        return x;
    }

    /**
     * Recall by distance, for sets with ties, where which of several equally near points is listed is
     * arbitrary: the mean fraction of a point's listed others no farther than its true k-th neighbour.
     */
    private static double distanceRecall(Neighbors approx, Neighbors truth) {
        int k = truth.k();
        double sum = 0;
        for (int i = 0; i < truth.size(); i++) {
            double kth = truth.distances(i)[k - 1];
            sum += Arrays.stream(approx.distances(i), 1, k)
                            .filter(d -> d <= kth)
                            .count()
                    / (double) (k - 1);
        }
        return sum / truth.size();
    }
}
