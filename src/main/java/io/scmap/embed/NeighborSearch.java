package io.scmap.embed;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * Finds the {@code k} nearest neighbours of every point of a dense row-major set: {@link
 * ExactNeighbors} exactly, {@link NnDescent} approximately for large sets.
 */
interface NeighborSearch {
    /**
     * Returns the neighbours of every point, the point itself first.
     *
     * @param points row-major {@code n x dim}
     * @param k neighbours per point including the point itself, {@code 1 <= k <= n}
     * @param random the randomness an approximate search uses; same random, same result
     */
    Neighbors search(
            double[] points, int n, int dim, int k, SplittableRandom random, Parallel par, EmbedListener listener);

    /** What the last search did, for the manifest: {@code knn} names the method, other keys start with it. */
    Map<String, Object> report();

    /**
     * The search for {@code n} points: exact up to {@code exactUpTo} points, NN-descent beyond (see
     * {@link EmbedParams#exactNeighborsUpTo}).
     */
    static NeighborSearch forSize(int n, int exactUpTo) {
        return n <= exactUpTo ? new ExactNeighbors() : new NnDescent();
    }
}
