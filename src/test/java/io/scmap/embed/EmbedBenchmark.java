package io.scmap.embed;

import io.scmap.matrix.InteractionMatrix;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Large synthetic runs of the embed stage, printing timings, recall and peak heap; a main, not a test.
 * Arguments: rows cols communities events mode, where mode is {@code knn} (exact vs NN-descent on the
 * SVD scores, cached in {@code /tmp/scmap-bench-<rows>.bin}) or {@code embed} (the whole {@link
 * Embedder#embed} with default parameters).
 */
final class EmbedBenchmark {
    private EmbedBenchmark() {}

    public static void main(String[] args) throws IOException {
        int rows = Integer.parseInt(args[0]);
        int cols = Integer.parseInt(args[1]);
        int communities = Integer.parseInt(args[2]);
        int events = Integer.parseInt(args[3]);
        if (args[4].equals("embed")) {
            embed(matrix(rows, cols, communities, events));
        } else {
            Path cache = Path.of("/tmp/scmap-bench-" + rows + ".bin");
            if (!Files.exists(cache)) {
                InteractionMatrix m = matrix(rows, cols, communities, events);
                RowFilter f = RowFilter.apply(m, EmbedParams.DEFAULTS);
                long t = System.nanoTime();
                TruncatedSvd svd = Embedder.svd(f.matrix, EmbedParams.DEFAULTS, EmbedListener.NONE);
                System.out.printf("svd of %d kept rows: %.1f s%n", svd.rows(), (System.nanoTime() - t) / 1e9);
                write(cache, svd.flatScores(), svd.rows(), svd.dims());
            }
            knn(
                    cache,
                    Integer.parseInt(args.length > 5 ? args[5] : "100"),
                    args.length > 6 ? Integer.parseInt(args[6]) : 0,
                    args.length > 7);
        }
    }

    private static InteractionMatrix matrix(int rows, int cols, int communities, int events) {
        long t = System.nanoTime();
        InteractionMatrix m = TestData.communities(rows, cols, communities, events, 2024);
        System.out.printf(
                "matrix %d x %d, nnz %d, generated in %.1f s%n",
                rows, cols, m.values().nnz(), (System.nanoTime() - t) / 1e9);
        return m;
    }

    private static void embed(InteractionMatrix m) {
        long cpu = KnnBenchmark.cpuNanos();
        Embedding e = Embedder.embed(m, EmbedParams.DEFAULTS, EmbedListener.NONE);
        System.out.printf(
                "embed: kept %s; process CPU %.1f s; peak heap %.2f GiB%n",
                e.counts(), (KnnBenchmark.cpuNanos() - cpu) / 1e9, peakHeapGib());
        for (Map.Entry<String, Double> s : e.timingsSeconds().entrySet()) {
            System.out.printf("  %-9s %7.1f s%n", s.getKey(), s.getValue());
        }
        System.out.println("  diagnostics " + e.diagnostics());
        int step = Math.max(1, e.size() / 5000);
        double[][] high = new double[e.size() / step][];
        double[][] low = new double[high.length][];
        for (int i = 0; i < high.length; i++) {
            high[i] = e.svd().row(i * step);
            low[i] = e.coordinates()[i * step];
        }
        System.out.printf(
                "  trustworthiness(15) on %d sampled points %.4f%n",
                high.length, Embedder.trustworthiness(high, low, 15));
    }

    private static void knn(Path cache, int k, int trees, boolean skipExact) throws IOException {
        double[] x;
        int n;
        int dim;
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(cache)))) {
            n = in.readInt();
            dim = in.readInt();
            x = new double[n * dim];
            for (int i = 0; i < x.length; i++) {
                x[i] = in.readDouble();
            }
        }
        try (Parallel par = new Parallel(0)) {
            long t = System.nanoTime();
            long cpu = KnnBenchmark.cpuNanos();
            NnDescent nnd = new NnDescent(trees, 0, NnDescent.MAX_CANDIDATES, NnDescent.DELTA);
            Neighbors approx = nnd.search(x, n, dim, k, new SplittableRandom(1), par, EmbedListener.NONE);
            System.out.printf(
                    "SVD scores %d x %d, k=%d: nn-descent %.1f s (cpu %.1f s) %s%n",
                    n, dim, k, (System.nanoTime() - t) / 1e9, (KnnBenchmark.cpuNanos() - cpu) / 1e9, nnd.report());
            if (skipExact) {
                return;
            }
            t = System.nanoTime();
            cpu = KnnBenchmark.cpuNanos();
            Neighbors truth = new ExactNeighbors().search(x, n, dim, k, par, EmbedListener.NONE);
            System.out.printf(
                    "  exact %.1f s (cpu %.1f s); recall %.4f%n",
                    (System.nanoTime() - t) / 1e9,
                    (KnnBenchmark.cpuNanos() - cpu) / 1e9,
                    KnnTestData.recall(approx, truth));
        }
    }

    private static void write(Path file, double[] x, int n, int dim) throws IOException {
        try (DataOutputStream out =
                new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(n);
            out.writeInt(dim);
            for (double v : x) {
                out.writeDouble(v);
            }
        }
    }

    private static double peakHeapGib() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (double) (1L << 30);
    }
}
