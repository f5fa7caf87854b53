package io.scmap.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UmapTest {
    private static final EmbedParams PARAMS =
            EmbedParams.DEFAULTS.withNeighbors(15).withMinDist(0.1);

    private static TestData.Blobs blobs;
    private static double[][] layout;

    @BeforeAll
    static void embedBlobs() {
        blobs = TestData.blobs(8, 150, 50, 4.0, 11);
        long t = System.nanoTime();
        layout = Embedder.umap(blobs.points, PARAMS, EmbedListener.NONE);
        System.out.printf("UMAP of 1200 blobs in 50-D: %.2f s%n", (System.nanoTime() - t) / 1e9);
    }

    @Test
    void blobsKeepTheirNeighboursAndStaySeparated() {
        double trust = Embedder.trustworthiness(blobs.points, layout, 15);
        double purity = TestData.nearestNeighborPurity(layout, blobs.labels, 10);
        System.out.printf("blobs: trustworthiness(15) %.4f, 2-D 10-NN purity %.4f%n", trust, purity);
        assertThat(trust).isGreaterThanOrEqualTo(0.95);
        assertThat(purity).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void sameSeedGivesIdenticalCoordinatesWhateverTheThreadCount() {
        double[][] points = TestData.blobs(4, 100, 20, 2.0, 12).points;
        EmbedParams quick = PARAMS.withEpochs(100);
        double[][] twoThreads = Embedder.umap(points, quick.withThreads(2), EmbedListener.NONE);
        double[][] oneThread = Embedder.umap(points, quick.withThreads(1), EmbedListener.NONE);
        double[][] again = Embedder.umap(points, quick.withThreads(2), EmbedListener.NONE);
        assertThat(oneThread).isDeepEqualTo(twoThreads);
        assertThat(again).isDeepEqualTo(twoThreads);
        double[][] otherSeed = Embedder.umap(points, quick.withSeed(43), EmbedListener.NONE);
        assertThat(Arrays.deepEquals(otherSeed, twoThreads)).isFalse();
    }

    @Test
    void disconnectedGroupsKeepEveryPointWithFiniteCoordinates() {
        TestData.Blobs near = TestData.blobs(1, 200, 10, 0, 3);
        double[][] points = new double[400][];
        for (int i = 0; i < 400; i++) {
            points[i] = near.points[i % 200].clone();
            if (i >= 200) {
                points[i][0] += 1e4;
            }
        }
        int[] labels = new int[400];
        Arrays.fill(labels, 200, 400, 1);
        double[][] xy = Embedder.umap(points, PARAMS.withEpochs(100), EmbedListener.NONE);
        assertThat(xy).hasNumberOfRows(400);
        for (double[] p : xy) {
            assertThat(Double.isFinite(p[0]) && Double.isFinite(p[1])).isTrue();
        }
        assertThat(TestData.nearestNeighborPurity(xy, labels, 10)).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void tinyInputsStillGetFiniteCoordinates() {
        for (int n = 1; n <= 6; n++) {
            double[][] points = TestData.blobs(1, n, 3, 0, n).points;
            double[][] xy = Embedder.umap(points, EmbedParams.DEFAULTS, EmbedListener.NONE);
            assertThat(xy).hasNumberOfRows(n);
            for (double[] p : xy) {
                assertThat(Double.isFinite(p[0]) && Double.isFinite(p[1]))
                        .as("n = %d", n)
                        .isTrue();
            }
        }
    }
}
