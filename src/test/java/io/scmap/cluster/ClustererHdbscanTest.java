package io.scmap.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClustererHdbscanTest {
    @Test
    void recoversGaussianBlobsAndLeavesBackgroundAsNoise() {
        // Nine blobs 10 apart; 100 background points spread 40 beyond them. Background points near a blob
        // fall out of its cluster after the cluster is born and so take its label (with low probability),
        // as in the hdbscan library; the rest fall out of the root and are noise.
        TestData data = TestData.blobs(42, 9, 150, 1.0, 100, 40);
        Clustering clustering = Clusterer.hdbscan(data.x, data.y, HdbscanParams.DEFAULTS);

        int blobPoints = 9 * 150;
        assertThat(clustering.clusterCount()).isBetween(9, 11);
        int[] truth = java.util.Arrays.copyOf(data.truth, blobPoints);
        int[] found = java.util.Arrays.copyOf(clustering.labels(), blobPoints);
        assertThat(Clusterer.adjustedRandIndex(truth, found)).isGreaterThanOrEqualTo(0.95);
        int backgroundAsNoise = 0;
        double backgroundProbability = 0;
        for (int i = blobPoints; i < data.x.length; i++) {
            backgroundAsNoise += clustering.label(i) == Clustering.NOISE ? 1 : 0;
            backgroundProbability += clustering.probability(i);
        }
        double blobProbability = 0;
        for (int i = 0; i < blobPoints; i++) {
            blobProbability += clustering.probability(i);
        }
        assertThat(backgroundAsNoise).isGreaterThanOrEqualTo(75);
        assertThat(blobProbability / blobPoints).isGreaterThan(0.5);
        assertThat(backgroundProbability / (data.x.length - blobPoints)).isLessThan(0.1);
    }

    @Test
    void epsilonKeepsTwoCloseSubclustersTogether() {
        // Two tight clumps 0.5 apart form one group; a third clump sits 10 away.
        SplittableRandom random = new SplittableRandom(5);
        int perClump = 40;
        double[][] centres = {{0, 0}, {0.5, 0}, {10, 0}};
        double[] x = new double[3 * perClump];
        double[] y = new double[3 * perClump];
        for (int c = 0; c < 3; c++) {
            for (int k = 0; k < perClump; k++) {
                x[c * perClump + k] = centres[c][0] + 0.03 * TestData.gaussian(random);
                y[c * perClump + k] = centres[c][1] + 0.03 * TestData.gaussian(random);
            }
        }
        HdbscanParams params = HdbscanParams.DEFAULTS.withClusterSelectionEpsilon(0);
        Clustering split = Clusterer.hdbscan(x, y, params);
        Clustering merged = Clusterer.hdbscan(x, y, params.withClusterSelectionEpsilon(1.0));

        assertThat(split.clusterCount()).isEqualTo(3);
        assertThat(split.label(0)).isNotEqualTo(split.label(perClump));
        assertThat(merged.clusterCount()).isEqualTo(2);
        assertThat(merged.label(0)).isEqualTo(merged.label(perClump)).isNotEqualTo(merged.label(2 * perClump));
        assertThat(merged.clusterSize(merged.label(0))).isGreaterThanOrEqualTo(2 * perClump - 4);
        // Epsilon never merges the last two top-level clusters into one without allowSingleCluster.
        assertThat(Clusterer.hdbscan(x, y, params.withClusterSelectionEpsilon(100))
                        .clusterCount())
                .isEqualTo(2);
    }

    @Test
    void minClusterSizeAboveTheDataSizeMakesEverythingNoise() {
        TestData data = TestData.blobs(1, 2, 30, 0.3, 0);
        Clustering clustering = Clusterer.hdbscan(data.x, data.y, HdbscanParams.DEFAULTS.withMinClusterSize(100));
        assertThat(clustering.clusterCount()).isZero();
        assertThat(clustering.noiseCount()).isEqualTo(60);
        assertThat(clustering.probabilities()).containsOnly(0.0);
    }

    @Test
    void sameInputGivesTheSameClustering() {
        TestData data = TestData.blobs(11, 4, 100, 0.8, 100);
        Clustering first = Clusterer.hdbscan(data.x, data.y, HdbscanParams.DEFAULTS);
        Clustering second = Clusterer.hdbscan(data.x.clone(), data.y.clone(), HdbscanParams.DEFAULTS);
        assertThat(second).isEqualTo(first);
        assertThat(second.labels()).containsExactly(first.labels());
    }

    @Test
    void permutingTheInputPermutesThePartition() {
        assertPermutationInvariant(TestData.blobs(12, 6, 80, 0.9, 120), 99);
    }

    @Test
    void permutationInvarianceSurvivesExactTiesAndDuplicates() {
        // Integer lattice points: distances and core distances tie everywhere; one point in ten doubled.
        TestData blobs = TestData.blobs(13, 4, 120, 2.0, 60);
        for (int i = 0; i < blobs.x.length; i++) {
            blobs.x[i] = Math.rint(blobs.x[i] * 2);
            blobs.y[i] = Math.rint(blobs.y[i] * 2);
            if (i % 10 == 9) {
                blobs.x[i] = blobs.x[i - 1];
                blobs.y[i] = blobs.y[i - 1];
            }
        }
        assertPermutationInvariant(blobs, 100);
        assertPermutationInvariant(blobs, 101);
    }

    private static void assertPermutationInvariant(TestData data, long seed) {
        int n = data.x.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        double[] px = new double[n];
        double[] py = new double[n];
        for (int i = 0; i < n; i++) {
            px[i] = data.x[order[i]];
            py[i] = data.y[order[i]];
        }
        Clustering original = Clusterer.hdbscan(data.x, data.y, HdbscanParams.DEFAULTS);
        Clustering permuted = Clusterer.hdbscan(px, py, HdbscanParams.DEFAULTS);
        int[] back = new int[n];
        double[] backProbability = new double[n];
        for (int i = 0; i < n; i++) {
            back[order[i]] = permuted.label(i);
            backProbability[order[i]] = permuted.probability(i);
        }
        assertThat(original.clusterCount()).isGreaterThan(1);
        assertThat(Clusterer.adjustedRandIndex(original.labels(), back)).isEqualTo(1.0);
        assertThat(backProbability).containsExactly(original.probabilities());
    }

    @Test
    void nonFinitePointsAreNoiseAndDoNotDisturbTheRest() {
        TestData data = TestData.blobs(21, 3, 60, 0.5, 20);
        int n = data.x.length;
        double[] x = java.util.Arrays.copyOf(data.x, n + 2);
        double[] y = java.util.Arrays.copyOf(data.y, n + 2);
        x[n] = Double.NaN;
        y[n + 1] = Double.POSITIVE_INFINITY;
        Clustering clean = Clusterer.hdbscan(data.x, data.y, HdbscanParams.DEFAULTS);
        Clustering dirty = Clusterer.hdbscan(x, y, HdbscanParams.DEFAULTS);
        assertThat(dirty.label(n)).isEqualTo(Clustering.NOISE);
        assertThat(dirty.label(n + 1)).isEqualTo(Clustering.NOISE);
        assertThat(java.util.Arrays.copyOf(dirty.labels(), n)).containsExactly(clean.labels());
    }

    @Test
    void tinyInputsAreAllNoise() {
        assertThat(Clusterer.hdbscan(new double[0], new double[0], HdbscanParams.DEFAULTS)
                        .size())
                .isZero();
        Clustering one = Clusterer.hdbscan(new double[] {1}, new double[] {2}, HdbscanParams.DEFAULTS);
        assertThat(one.labels()).containsExactly(Clustering.NOISE);
        Clustering three = Clusterer.hdbscan(
                new double[] {0, 1, 2}, new double[] {0, 0, 0}, HdbscanParams.DEFAULTS.withMinClusterSize(2));
        assertThat(three.size()).isEqualTo(3);
    }

    @Test
    void allowSingleClusterLetsTheRootWinOverItsSplit() {
        // One Gaussian blob: without allowSingleCluster the root cannot be chosen, so EOM returns two
        // sub-clusters of the dense core. With it the root wins; as in the library, with epsilon 0 only the
        // points still present at the root's last split level (here: those in the sub-clusters) get the label.
        TestData data = TestData.blobs(8, 1, 200, 1.0, 0);
        HdbscanParams params = HdbscanParams.DEFAULTS.withClusterSelectionEpsilon(0);
        Clustering split = Clusterer.hdbscan(data.x, data.y, params);
        Clustering single = Clusterer.hdbscan(data.x, data.y, params.withAllowSingleCluster(true));
        assertThat(split.clusterCount()).isEqualTo(2);
        assertThat(single.clusterCount()).isEqualTo(1);
        for (int i = 0; i < data.x.length; i++) {
            assertThat(single.label(i) == 0).isEqualTo(split.label(i) != Clustering.NOISE);
        }
    }

    @Test
    void acceptsPointsOfAnyDimension() {
        TestData data = TestData.blobs(31, 4, 50, 0.4, 0);
        double[][] points3 = new double[data.x.length][];
        for (int i = 0; i < data.x.length; i++) {
            points3[i] = new double[] {data.x[i], data.y[i], 0.0};
        }
        Clustering planar = Clusterer.hdbscan(data.x, data.y, HdbscanParams.DEFAULTS);
        Clustering spatial = Clusterer.hdbscan(points3, HdbscanParams.DEFAULTS);
        assertThat(spatial.labels()).containsExactly(planar.labels());
        assertThatThrownBy(() -> Clusterer.hdbscan(new double[][] {{1, 2}, {3}}, HdbscanParams.DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("points[1] must have 2 entries, got 1");
    }

    @Test
    void clustersAreNumberedBySizeLargestFirst() {
        TestData small = TestData.blobs(41, 1, 40, 0.3, 0);
        TestData large = TestData.blobs(42, 1, 120, 0.3, 0);
        double[] x = new double[160];
        double[] y = new double[160];
        for (int i = 0; i < 40; i++) {
            x[i] = small.x[i];
            y[i] = small.y[i];
        }
        for (int i = 0; i < 120; i++) {
            x[40 + i] = large.x[i] + 20;
            y[40 + i] = large.y[i];
        }
        Clustering clustering = Clusterer.hdbscan(x, y, HdbscanParams.DEFAULTS);
        assertThat(clustering.clusterCount()).isEqualTo(2);
        assertThat(clustering.label(100)).isZero();
        assertThat(clustering.label(10)).isEqualTo(1);
        assertThat(clustering.clusterSize(0)).isGreaterThan(clustering.clusterSize(1));
    }

    @Test
    void rejectsMismatchedCoordinates() {
        assertThatThrownBy(() -> Clusterer.hdbscan(new double[2], new double[3], HdbscanParams.DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("y must have 2 entries, got 3");
    }
}
