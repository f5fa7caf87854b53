package io.scmap.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
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
        double pca = Embedder.trustworthiness(blobs.points, pca(blobs.points), 15);
        System.out.printf("blobs: trustworthiness(15) %.4f (PCA %.4f), 2-D 10-NN purity %.4f%n", trust, pca, purity);
        assertThat(trust).isGreaterThanOrEqualTo(0.95).isGreaterThan(pca);
        assertThat(purity).isGreaterThanOrEqualTo(0.95);
    }

    /** The first two principal components, as a linear baseline. */
    private static double[][] pca(double[][] points) {
        int dim = points[0].length;
        double[] mean = new double[dim];
        for (double[] p : points) {
            for (int d = 0; d < dim; d++) {
                mean[d] += p[d] / points.length;
            }
        }
        double[][] centred = new double[points.length][dim];
        for (int i = 0; i < points.length; i++) {
            for (int d = 0; d < dim; d++) {
                centred[i][d] = points[i][d] - mean[d];
            }
        }
        double[][] dense = centred;
        TruncatedSvd svd =
                Embedder.svd(TestData.sparse(dense, dim), EmbedParams.DEFAULTS.withSvdDims(2), EmbedListener.NONE);
        return svd.scores();
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
    void unrollsACurvedManifoldBetterThanALinearProjection() {
        SplittableRandom r = new SplittableRandom(4);
        double[][] roll = new double[1000][];
        for (int i = 0; i < roll.length; i++) {
            double t = 1.5 * Math.PI * (1 + 2 * r.nextDouble());
            roll[i] = new double[] {t * Math.cos(t), 20 * r.nextDouble(), t * Math.sin(t)};
        }
        double[][] xy = Embedder.umap(roll, PARAMS, EmbedListener.NONE);
        double trust = Embedder.trustworthiness(roll, xy, 15);
        double pca = Embedder.trustworthiness(roll, pca(roll), 15);
        System.out.printf("swiss roll: trustworthiness(15) %.4f (PCA %.4f)%n", trust, pca);
        assertThat(trust).isGreaterThanOrEqualTo(0.99).isGreaterThan(pca);
    }

    @Test
    void separateBlobsAreLaidOutAsComponentsAroundSpectralCentres() {
        Umap umap = new Umap(PARAMS, new ExactNeighbors());
        double[] flat =
                Arrays.stream(blobs.points).flatMapToDouble(Arrays::stream).toArray();
        try (Parallel par = new Parallel(2)) {
            umap.run(flat, blobs.points.length, 50, new SplittableRandom(1), par, EmbedListener.NONE);
        }
        assertThat(umap.diagnostics).containsEntry("components", 8).containsEntry("init", "spectral, 8 components");
    }

    @Test
    void manyTinyComponentsKeepEveryPoint() {
        double[][] pairs = new double[600][];
        for (int i = 0; i < pairs.length; i++) {
            pairs[i] = new double[] {100.0 * Math.floorDiv(i, 2) + 0.1 * (i % 2), (i * 7919) % 13};
        }
        Umap umap = new Umap(PARAMS.withNeighbors(2).withEpochs(20), new ExactNeighbors());
        double[] flat = Arrays.stream(pairs).flatMapToDouble(Arrays::stream).toArray();
        double[] xy;
        try (Parallel par = new Parallel(2)) {
            xy = umap.run(flat, pairs.length, 2, new SplittableRandom(1), par, EmbedListener.NONE);
        }
        assertThat(umap.diagnostics).containsEntry("components", 300);
        assertThat(xy).hasSize(1200);
        assertThat(Arrays.stream(xy).allMatch(Double::isFinite)).isTrue();
    }

    @Test
    void duplicatePointsGetFiniteCoordinates() {
        double[][] points = new double[120][];
        double[][] base = TestData.blobs(2, 10, 4, 3.0, 8).points;
        for (int i = 0; i < points.length; i++) {
            points[i] = base[i % base.length].clone();
        }
        double[][] xy = Embedder.umap(points, PARAMS.withEpochs(50), EmbedListener.NONE);
        for (double[] p : xy) {
            assertThat(Double.isFinite(p[0]) && Double.isFinite(p[1])).isTrue();
        }
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
