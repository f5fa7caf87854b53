package io.scmap.embed;

import io.scmap.matrix.InteractionMatrix;
import io.scmap.matrix.SparseMatrix;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The embed stage: turns an interaction matrix into a 2-D map as the reference pipeline did — row
 * filters and L1 normalisation, randomized truncated SVD, k nearest neighbours (exact up to {@link
 * EmbedParams#exactNeighborsUpTo} points, NN-descent beyond), UMAP.
 *
 * <pre>{@code
 * Embedding e = Embedder.embed(matrix, EmbedParams.DEFAULTS, EmbedListener.NONE);
 * }</pre>
 *
 * <p>Determinism: every random step draws from streams split off {@code new SplittableRandom(seed)}
 * (first split: SVD, second: UMAP, which splits its own for the initial layout, the optimisation and
 * NN-descent), and all parallel work is split by data size only or, for NN-descent, made
 * order-independent, so the same input and parameters give bit-identical output for any thread count
 * and timing. The steps are also
 * offered one by one ({@link #svd}, {@link #umap}); {@code umap(embed(...).svd().scores(), p)} equals
 * {@code embed(...)}'s coordinates.
 *
 * <p>Cost for n kept rows, nnz stored entries, l = svdDims + svdOversamples, q power iterations, k
 * neighbours: SVD O((2q + 3) nnz l + (q + 2) n l^2); kNN O(n^2 svdDims) at worst when exact, about
 * O(n 60^2 svdDims) per NN-descent round; graph O(n k log k);
 * optimisation O(epochs n k (1 + negativeSampleRate)).
 */
public final class Embedder {
    private Embedder() {}

    /**
     * Filters, normalises and embeds the matrix's rows.
     *
     * @throws IllegalArgumentException when a value is not finite (naming its row and column) or no row
     *     passes the filters (giving the count after each)
     */
    public static Embedding embed(InteractionMatrix m, EmbedParams p, EmbedListener listener) {
        Map<String, Double> timings = new LinkedHashMap<>();
        long start = System.nanoTime();
        RowFilter rows = RowFilter.apply(m, p);
        listener.progress("filter", 1.0);
        timings.put("filter", seconds(start));
        SplittableRandom root = new SplittableRandom(p.seed());
        SplittableRandom svdRandom = root.split();
        SplittableRandom umapRandom = root.split();
        try (Parallel par = new Parallel(p.threads())) {
            long t = System.nanoTime();
            TruncatedSvd svd = svd(rows.matrix, p, svdRandom, par, listener);
            timings.put("svd", seconds(t));
            Umap umap = new Umap(p, NeighborSearch.forSize(svd.rows(), p.exactNeighborsUpTo()));
            double[] xy = umap.run(svd.flatScores(), svd.rows(), svd.dims(), umapRandom, par, listener);
            timings.putAll(umap.timings);
            timings.put("total", seconds(start));
            Map<String, Object> diagnostics = new LinkedHashMap<>();
            diagnostics.put("svdDims", svd.dims());
            double[] sv = svd.singularValues();
            diagnostics.put(
                    "singularValuesTop5",
                    java.util.Arrays.stream(sv).limit(5).boxed().collect(java.util.stream.Collectors.toList()));
            diagnostics.putAll(umap.diagnostics);
            diagnostics.put("threads", par.threads());
            return new Embedding(rows.kept, rows.counts, svd, xy, timings, diagnostics);
        }
    }

    /**
     * Randomized truncated SVD of {@code rows} (as scikit-learn's {@code TruncatedSVD.fit_transform}),
     * with {@code p}'s dims, oversamples, power iterations, seed and threads.
     */
    public static TruncatedSvd svd(SparseMatrix rows, EmbedParams p, EmbedListener listener) {
        SplittableRandom svdRandom = new SplittableRandom(p.seed()).split();
        try (Parallel par = new Parallel(p.threads())) {
            return svd(rows, p, svdRandom, par, listener);
        }
    }

    private static TruncatedSvd svd(
            SparseMatrix rows, EmbedParams p, SplittableRandom random, Parallel par, EmbedListener listener) {
        for (double v : rows.data()) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("the matrix holds the non-finite value " + v);
            }
        }
        return RandomizedSvd.compute(
                rows, p.svdDims(), p.svdOversamples(), p.svdPowerIterations(), random, par, listener);
    }

    /**
     * UMAP of dense points to two dimensions with {@code p}'s neighbours, curve, epochs, rates, seed and
     * threads; returns one {@code {x, y}} per point.
     *
     * @throws IllegalArgumentException when rows differ in length or hold a non-finite value
     */
    public static double[][] umap(double[][] points, EmbedParams p, EmbedListener listener) {
        int dim = points.length == 0 ? 0 : points[0].length;
        double[] flat = flatten(points, dim);
        SplittableRandom root = new SplittableRandom(p.seed());
        root.split();
        SplittableRandom umapRandom = root.split();
        try (Parallel par = new Parallel(p.threads())) {
            Umap umap = new Umap(p, NeighborSearch.forSize(points.length, p.exactNeighborsUpTo()));
            double[] xy = umap.run(flat, points.length, dim, umapRandom, par, listener);
            return DenseOps.toRows(xy, points.length, 2);
        }
    }

    /**
     * The exact {@code k} nearest euclidean neighbours of every point, itself first; {@code threads} 0
     * means all processors.
     */
    public static Neighbors nearestNeighbors(double[][] points, int k, int threads) {
        int dim = points.length == 0 ? 0 : points[0].length;
        double[] flat = flatten(points, dim);
        if (k < 1 || k > points.length) {
            throw new IllegalArgumentException("k must be in [1, " + points.length + "], got " + k);
        }
        try (Parallel par = new Parallel(threads)) {
            return new ExactNeighbors().search(flat, points.length, dim, k, par, EmbedListener.NONE);
        }
    }

    /**
     * UMAP's curve parameters {@code {a, b}} for {@code minDist} and {@code spread}, fitted as
     * umap-learn's {@code find_ab_params} (0.1 and 1.0 give about 1.577 and 0.895).
     */
    public static double[] curveParameters(double minDist, double spread) {
        EmbedParams.DEFAULTS.withMinDist(0).withSpread(spread).withMinDist(minDist); // validates both
        return CurveFit.fitAb(minDist, spread);
    }

    /**
     * Trustworthiness of {@code low} as an embedding of {@code high} with {@code k} neighbours,
     * euclidean, as {@code sklearn.manifold.trustworthiness}; 1 is best.
     *
     * @throws IllegalArgumentException unless both hold the same number n of rows and {@code 1 <= k < n
     *     / 2}
     */
    public static double trustworthiness(double[][] high, double[][] low, int k) {
        if (high.length != low.length) {
            throw new IllegalArgumentException(
                    "high and low must have as many rows, got " + high.length + " and " + low.length);
        }
        int hd = high.length == 0 ? 0 : high[0].length;
        int ld = low.length == 0 ? 0 : low[0].length;
        double[] h = flatten(high, hd);
        double[] l = flatten(low, ld);
        try (Parallel par = new Parallel(0)) {
            return Trustworthiness.compute(h, hd, l, ld, high.length, k, par);
        }
    }

    private static double[] flatten(double[][] points, int dim) {
        double[] flat = new double[points.length * dim];
        for (int i = 0; i < points.length; i++) {
            if (points[i].length != dim) {
                throw new IllegalArgumentException(
                        "row " + i + " has " + points[i].length + " values, row 0 has " + dim);
            }
            for (int d = 0; d < dim; d++) {
                double v = points[i][d];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("row " + i + " holds the non-finite value " + v + " at " + d);
                }
                flat[i * dim + d] = v;
            }
        }
        return flat;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
