package io.scmap.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RandomProjectionForestTest {
    private static RandomProjectionForest.Leaves[] forest(double[] x, int n, int dim, int threads) {
        try (Parallel par = new Parallel(threads)) {
            return RandomProjectionForest.build(x, n, dim, 4, 25, new SplittableRandom(9), par);
        }
    }

    @Test
    void everyTreeSplitsAllPointsIntoLeavesThatFit() {
        int n = 3000;
        double[] x = KnnTestData.clustered(n, 10, 6, 0.1, 2);
        for (int i = 0; i < n; i += 3) {
            System.arraycopy(x, 0, x, i * 10, 10); // a third of the rows identical
        }
        for (RandomProjectionForest.Leaves tree : forest(x, n, 10, 2)) {
            assertThat(tree.points.clone()).satisfies(p -> {
                Arrays.sort(p);
                assertThat(p).containsExactly(IntStream.range(0, n).toArray());
            });
            assertThat(tree.start[0]).isZero();
            assertThat(tree.start[tree.count()]).isEqualTo(n);
            for (int l = 0; l < tree.count(); l++) {
                assertThat(tree.start[l + 1] - tree.start[l]).isBetween(1, 25);
            }
        }
    }

    @Test
    void leavesHoldNearbyPoints() {
        int n = 2000;
        double[] x = KnnTestData.uniform(n, 2, 3);
        RandomProjectionForest.Leaves tree = forest(x, n, 2, 1)[0];
        double within = 0;
        int pairs = 0;
        for (int l = 0; l < tree.count(); l++) {
            for (int s = tree.start[l]; s + 1 < tree.start[l + 1]; s++) {
                within += Math.sqrt(ExactNeighbors.squaredDistance(x, tree.points[s] * 2, tree.points[s + 1] * 2, 2));
                pairs++;
            }
        }
        // two uniform points in the unit square are about 0.52 apart
        assertThat(within / pairs).isLessThan(0.15);
    }

    @Test
    void sameStreamSameTreesWhateverTheThreadCount() {
        double[] x = KnnTestData.clustered(1500, 8, 5, 0.05, 4);
        RandomProjectionForest.Leaves[] one = forest(x, 1500, 8, 1);
        RandomProjectionForest.Leaves[] three = forest(x, 1500, 8, 3);
        for (int t = 0; t < one.length; t++) {
            assertThat(three[t].points).containsExactly(one[t].points);
            assertThat(three[t].start).containsExactly(one[t].start);
        }
    }
}
