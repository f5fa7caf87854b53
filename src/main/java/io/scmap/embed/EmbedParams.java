package io.scmap.embed;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parameters of the embed stage: row filters, randomized truncated SVD and UMAP. {@link #DEFAULTS}
 * reproduce the reference pipeline (scikit-learn {@code TruncatedSVD(100)} and umap-learn
 * {@code UMAP(n_neighbors=100, min_dist=0.0001)}).
 *
 * @param minTotal keep rows whose total is strictly greater (reference: {@code row sum > 40})
 * @param maxShare keep rows whose largest share of the row total is at most this (reference:
 *     {@code max <= 0.4} after L1 normalisation)
 * @param requireMetadata drop rows whose label has no follower count ({@code followers < 0}) or no
 *     emerge date, as the reference's notebook did before building the map
 * @param svdDims number of SVD components (reference 100); fewer when the filtered matrix is smaller
 * @param svdOversamples extra random directions of the range finder (scikit-learn default 10)
 * @param svdPowerIterations power iterations of the range finder (TruncatedSVD default {@code n_iter=5})
 * @param neighbors nearest neighbours per point, the point itself included (umap-learn
 *     {@code n_neighbors}, reference 100); at least 2
 * @param exactNeighborsUpTo the nearest neighbours are exact up to this many points and approximate
 *     beyond, by NN-descent as umap-learn's pynndescent: its cost grows linearly with the points,
 *     the exact search's up to quadratically (measured recall 0.98 or more on clustered data);
 *     default 30,000, 0 = always approximate, {@link Integer#MAX_VALUE} = always exact
 * @param minDist how tightly UMAP packs points (umap-learn {@code min_dist}, reference 0.0001); 0 is
 *     legal, at most {@code spread}
 * @param spread scale of the embedded points (umap-learn default 1.0)
 * @param epochs optimisation epochs; 0 = as umap-learn: 500 up to 10,000 points, else 200
 * @param learningRate initial SGD step (umap-learn default 1.0)
 * @param negativeSampleRate negative samples per positive sample (umap-learn default 5)
 * @param repulsionStrength weight of the negative samples (umap-learn {@code repulsion_strength}, 1.0)
 * @param seed seed of every random step; same seed, same output
 * @param threads worker threads, 0 = all available processors; the output does not depend on it
 */
public record EmbedParams(
        double minTotal,
        double maxShare,
        boolean requireMetadata,
        int svdDims,
        int svdOversamples,
        int svdPowerIterations,
        int neighbors,
        int exactNeighborsUpTo,
        double minDist,
        double spread,
        int epochs,
        double learningRate,
        int negativeSampleRate,
        double repulsionStrength,
        long seed,
        int threads) {

    /** The reference pipeline's settings, seed 42, all processors. */
    public static final EmbedParams DEFAULTS =
            new EmbedParams(40, 0.4, true, 100, 10, 5, 100, 30_000, 0.0001, 1.0, 0, 1.0, 5, 1.0, 42, 0);

    public EmbedParams {
        requireNotNan("minTotal", minTotal);
        requireNotNan("maxShare", maxShare);
        requireAtLeast("svdDims", svdDims, 1);
        requireAtLeast("svdOversamples", svdOversamples, 0);
        requireAtLeast("svdPowerIterations", svdPowerIterations, 0);
        requireAtLeast("neighbors", neighbors, 2);
        requireAtLeast("exactNeighborsUpTo", exactNeighborsUpTo, 0);
        if (!(minDist >= 0) || Double.isInfinite(minDist)) {
            throw new IllegalArgumentException("minDist must be >= 0, got " + minDist);
        }
        if (!(spread > 0) || Double.isInfinite(spread)) {
            throw new IllegalArgumentException("spread must be > 0, got " + spread);
        }
        if (minDist > spread) {
            throw new IllegalArgumentException("minDist must be <= spread (" + spread + "), got " + minDist);
        }
        requireAtLeast("epochs", epochs, 0);
        if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be >= 0, got " + learningRate);
        }
        requireAtLeast("negativeSampleRate", negativeSampleRate, 0);
        if (!(repulsionStrength >= 0) || Double.isInfinite(repulsionStrength)) {
            throw new IllegalArgumentException("repulsionStrength must be >= 0, got " + repulsionStrength);
        }
        requireAtLeast("threads", threads, 0);
    }

    private static void requireNotNan(String name, double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException(name + " must be a number, got NaN");
        }
    }

    private static void requireAtLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
        }
    }

    /** Epochs actually run for {@code n} points: {@link #epochs} or umap-learn's automatic choice. */
    public int epochsFor(int n) {
        if (epochs > 0) {
            return epochs;
        }
        return n <= 10_000 ? 500 : 200;
    }

    public EmbedParams withMinTotal(double v) {
        return new EmbedParams(
                v,
                maxShare,
                requireMetadata,
                svdDims,
                svdOversamples,
                svdPowerIterations,
                neighbors,
                exactNeighborsUpTo,
                minDist,
                spread,
                epochs,
                learningRate,
                negativeSampleRate,
                repulsionStrength,
                seed,
                threads);
    }

    public EmbedParams withMaxShare(double v) {
        return new EmbedParams(
                minTotal,
                v,
                requireMetadata,
                svdDims,
                svdOversamples,
                svdPowerIterations,
                neighbors,
                exactNeighborsUpTo,
                minDist,
                spread,
                epochs,
                learningRate,
                negativeSampleRate,
                repulsionStrength,
                seed,
                threads);
    }

    public EmbedParams withRequireMetadata(boolean v) {
        return new EmbedParams(
                minTotal,
                maxShare,
                v,
                svdDims,
                svdOversamples,
                svdPowerIterations,
                neighbors,
                exactNeighborsUpTo,
                minDist,
                spread,
                epochs,
                learningRate,
                negativeSampleRate,
                repulsionStrength,
                seed,
                threads);
    }

    public EmbedParams withSvdDims(int v) {
        return new EmbedParams(
                minTotal,
                maxShare,
                requireMetadata,
                v,
                svdOversamples,
                svdPowerIterations,
                neighbors,
                exactNeighborsUpTo,
                minDist,
                spread,
                epochs,
                learningRate,
                negativeSampleRate,
                repulsionStrength,
                seed,
                threads);
    }

    public EmbedParams withSvdOversamples(int v) {
        return new EmbedParams(
                minTotal,
                maxShare,
                requireMetadata,
                svdDims,
                v,
                svdPowerIterations,
                neighbors,
                exactNeighborsUpTo,
                minDist,
                spread,
                epochs,
                learningRate,
                negativeSampleRate,
                repulsionStrength,
                seed,
                threads);
    }

    public EmbedParams withSvdPowerIterations(int v) {
        return new EmbedParams(
                minTotal,
                maxShare,
                requireMetadata,
                svdDims,
                svdOversamples,
                v,
                neighbors,
                exactNeighborsUpTo,
                minDist,
                spread,
                epochs,
                learningRate,
                negativeSampleRate,
                repulsionStrength,
                seed,
                threads);
    }

    public EmbedParams withNeighbors(int v) {
        return new EmbedParams(
                minTotal,
                maxShare,
                requireMetadata,
                svdDims,
                svdOversamples,
                svdPowerIterations,
                v,
                exactNeighborsUpTo,
                minDist,
                spread,
                epochs,
                learningRate,
                negativeSampleRate,
                repulsionStrength,
                seed,
                threads);
    }

    public EmbedParams withExactNeighborsUpTo(int v) {
        return new EmbedParams(
                minTotal,
                maxShare,
                requireMetadata,
                svdDims,
                svdOversamples,
                svdPowerIterations,
                neighbors,
                v,
                minDist,
                spread,
                epochs,
                learningRate,
                negativeSampleRate,
                repulsionStrength,
                seed,
                threads);
    }

    public EmbedParams withMinDist(double v) {
        return new EmbedParams(
                minTotal,
                maxShare,
                requireMetadata,
                svdDims,
                svdOversamples,
                svdPowerIterations,
                neighbors,
                exactNeighborsUpTo,
                v,
                spread,
                epochs,
                learningRate,
                negativeSampleRate,
                repulsionStrength,
                seed,
                threads);
    }

    public EmbedParams withSpread(double v) {
        return new EmbedParams(
                minTotal,
                maxShare,
                requireMetadata,
                svdDims,
                svdOversamples,
                svdPowerIterations,
                neighbors,
                exactNeighborsUpTo,
                minDist,
                v,
                epochs,
                learningRate,
                negativeSampleRate,
                repulsionStrength,
                seed,
                threads);
    }

    public EmbedParams withEpochs(int v) {
        return new EmbedParams(
                minTotal,
                maxShare,
                requireMetadata,
                svdDims,
                svdOversamples,
                svdPowerIterations,
                neighbors,
                exactNeighborsUpTo,
                minDist,
                spread,
                v,
                learningRate,
                negativeSampleRate,
                repulsionStrength,
                seed,
                threads);
    }

    public EmbedParams withLearningRate(double v) {
        return new EmbedParams(
                minTotal,
                maxShare,
                requireMetadata,
                svdDims,
                svdOversamples,
                svdPowerIterations,
                neighbors,
                exactNeighborsUpTo,
                minDist,
                spread,
                epochs,
                v,
                negativeSampleRate,
                repulsionStrength,
                seed,
                threads);
    }

    public EmbedParams withNegativeSampleRate(int v) {
        return new EmbedParams(
                minTotal,
                maxShare,
                requireMetadata,
                svdDims,
                svdOversamples,
                svdPowerIterations,
                neighbors,
                exactNeighborsUpTo,
                minDist,
                spread,
                epochs,
                learningRate,
                v,
                repulsionStrength,
                seed,
                threads);
    }

    public EmbedParams withRepulsionStrength(double v) {
        return new EmbedParams(
                minTotal,
                maxShare,
                requireMetadata,
                svdDims,
                svdOversamples,
                svdPowerIterations,
                neighbors,
                exactNeighborsUpTo,
                minDist,
                spread,
                epochs,
                learningRate,
                negativeSampleRate,
                v,
                seed,
                threads);
    }

    public EmbedParams withSeed(long v) {
        return new EmbedParams(
                minTotal,
                maxShare,
                requireMetadata,
                svdDims,
                svdOversamples,
                svdPowerIterations,
                neighbors,
                exactNeighborsUpTo,
                minDist,
                spread,
                epochs,
                learningRate,
                negativeSampleRate,
                repulsionStrength,
                v,
                threads);
    }

    public EmbedParams withThreads(int v) {
        return new EmbedParams(
                minTotal,
                maxShare,
                requireMetadata,
                svdDims,
                svdOversamples,
                svdPowerIterations,
                neighbors,
                exactNeighborsUpTo,
                minDist,
                spread,
                epochs,
                learningRate,
                negativeSampleRate,
                repulsionStrength,
                seed,
                v);
    }

    /** Every parameter by name, in declaration order, for the manifest. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("minTotal", minTotal);
        m.put("maxShare", maxShare);
        m.put("requireMetadata", requireMetadata);
        m.put("svdDims", svdDims);
        m.put("svdOversamples", svdOversamples);
        m.put("svdPowerIterations", svdPowerIterations);
        m.put("neighbors", neighbors);
        m.put("exactNeighborsUpTo", exactNeighborsUpTo);
        m.put("minDist", minDist);
        m.put("spread", spread);
        m.put("epochs", epochs);
        m.put("learningRate", learningRate);
        m.put("negativeSampleRate", negativeSampleRate);
        m.put("repulsionStrength", repulsionStrength);
        m.put("seed", seed);
        m.put("threads", threads);
        return m;
    }
}
