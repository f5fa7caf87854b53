package io.scmap.embed;

import java.util.SplittableRandom;

/**
 * Times exact and NN-descent neighbours on synthetic sets and prints their recall; a main, not a
 * test. Arguments: n dim k kind(clustered|clean|uniform) threads [exact(true|false) [maxCandidates
 * [maxIterations [delta [trees]]]]].
 */
final class KnnBenchmark {
    private KnnBenchmark() {}

    static long cpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : 0;
    }

    private static Neighbors truncate(Neighbors nb, int k) {
        int n = nb.size();
        int[] idx = new int[n * k];
        double[] d = new double[n * k];
        for (int i = 0; i < n; i++) {
            System.arraycopy(nb.flatIndices(), i * nb.k(), idx, i * k, k);
            System.arraycopy(nb.flatDistances(), i * nb.k(), d, i * k, k);
        }
        return new Neighbors(n, k, idx, d);
    }

    public static void main(String[] args) throws java.io.IOException {
        int n = Integer.parseInt(args[0]);
        int dim = Integer.parseInt(args[1]);
        int k = Integer.parseInt(args[2]);
        String kind = args[3];
        int threads = Integer.parseInt(args[4]);
        boolean exact = args.length <= 5 || !args[5].equals("false");
        boolean approximate = args.length <= 5 || !args[5].equals("only");
        double[] x = kind.equals("uniform")
                ? KnnTestData.uniform(n, dim, 7)
                : KnnTestData.clustered(n, dim, 40, kind.equals("clean") ? 0 : 0.05, 7);
        try (Parallel par = new Parallel(threads)) {
            long t = System.nanoTime();
            long cpu = cpuNanos();
            int candidates = args.length > 6 ? Integer.parseInt(args[6]) : NnDescent.MAX_CANDIDATES;
            int iterations = args.length > 7 ? Integer.parseInt(args[7]) : 0;
            double delta = args.length > 8 ? Double.parseDouble(args[8]) : NnDescent.DELTA;
            int trees = args.length > 9 ? Integer.parseInt(args[9]) : 0;
            NnDescent nnd = new NnDescent(trees, iterations, candidates, delta);
            Neighbors approx = approximate
                    ? truncate(
                            nnd.search(
                                    x,
                                    n,
                                    dim,
                                    Integer.getInteger("kint", k),
                                    new SplittableRandom(1),
                                    par,
                                    EmbedListener.NONE),
                            k)
                    : new Neighbors(n, 1, new int[n], new double[n]);
            double nndSeconds = (System.nanoTime() - t) / 1e9;
            System.out.printf(
                    "%s n=%d dim=%d k=%d threads=%d: nn-descent %.1f s (cpu %.1f s) %s%n",
                    kind, n, dim, k, par.threads(), nndSeconds, (cpuNanos() - cpu) / 1e9, nnd.report());
            if (exact) {
                t = System.nanoTime();
                cpu = cpuNanos();
                java.nio.file.Path cache = java.nio.file.Path.of(
                        System.getProperty("java.io.tmpdir"), "scmap-truth-" + kind + "-" + n + "-" + dim + "-" + k);
                Neighbors truth;
                if (java.nio.file.Files.exists(cache)) {
                    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(java.nio.file.Files.readAllBytes(cache));
                    int[] idx = new int[n * k];
                    b.asIntBuffer().get(idx);
                    truth = new Neighbors(n, k, idx, new double[n * k]);
                } else {
                    truth = new ExactNeighbors().search(x, n, dim, k, par, EmbedListener.NONE);
                    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 * n * k);
                    b.asIntBuffer().put(truth.flatIndices());
                    java.nio.file.Files.write(cache, b.array());
                }
                double exactSeconds = (System.nanoTime() - t) / 1e9;
                System.out.printf(
                        "  exact %.1f s (cpu %.1f s); recall %.4f%n",
                        exactSeconds, (cpuNanos() - cpu) / 1e9, approximate ? KnnTestData.recall(approx, truth) : 0);
            }
        }
    }
}
