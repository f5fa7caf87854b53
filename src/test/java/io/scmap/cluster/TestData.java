package io.scmap.cluster;

import java.util.SplittableRandom;

/** Seeded synthetic point sets for the cluster tests. */
final class TestData {
    final double[] x;
    final double[] y;
    /** Planted blob of each point, or -1 for background noise. */
    final int[] truth;

    private TestData(double[] x, double[] y, int[] truth) {
        this.x = x;
        this.y = y;
        this.truth = truth;
    }

    /**
     * {@code blobs} Gaussian blobs of {@code perBlob} points (standard deviation {@code spread}) on a grid
     * with spacing 10, then {@code noise} uniform points over the grid's square with a margin of 5.
     */
    static TestData blobs(long seed, int blobs, int perBlob, double spread, int noise) {
        return blobs(seed, blobs, perBlob, spread, noise, 5);
    }

    /** As {@link #blobs(long, int, int, double, int)} with the noise spread {@code margin} beyond the grid. */
    static TestData blobs(long seed, int blobs, int perBlob, double spread, int noise, double margin) {
        SplittableRandom random = new SplittableRandom(seed);
        int side = (int) Math.ceil(Math.sqrt(blobs));
        int n = blobs * perBlob + noise;
        double[] x = new double[n];
        double[] y = new double[n];
        int[] truth = new int[n];
        int i = 0;
        for (int b = 0; b < blobs; b++) {
            double cx = 10.0 * (b % side);
            int row = b / side;
            double cy = 10.0 * row;
            for (int k = 0; k < perBlob; k++, i++) {
                x[i] = cx + spread * gaussian(random);
                y[i] = cy + spread * gaussian(random);
                truth[i] = b;
            }
        }
        double extent = 10.0 * (side - 1);
        for (; i < n; i++) {
            x[i] = -margin + random.nextDouble() * (extent + 2 * margin);
            y[i] = -margin + random.nextDouble() * (extent + 2 * margin);
            truth[i] = -1;
        }
        return new TestData(x, y, truth);
    }

    /** Standard normal variate by Box–Muller. */
    static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** Interleaved (x, y) coordinates. */
    double[] coordinates() {
        double[] c = new double[2 * x.length];
        for (int i = 0; i < x.length; i++) {
            c[2 * i] = x[i];
            c[2 * i + 1] = y[i];
        }
        return c;
    }
}
