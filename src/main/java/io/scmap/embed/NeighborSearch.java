package io.scmap.embed;

/**
 * Finds the {@code k} nearest neighbours of every point of a dense row-major set. The brute-force
 * search is exact; an approximate index for large sets can implement the same contract.
 */
interface NeighborSearch {
    /**
     * Returns the neighbours of every point, the point itself first.
     *
     * @param points row-major {@code n x dim}
     * @param k neighbours per point including the point itself, {@code 1 <= k <= n}
     */
    Neighbors search(double[] points, int n, int dim, int k, Parallel par, EmbedListener listener);
}
