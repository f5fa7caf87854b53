package io.scmap.embed;

import java.util.Arrays;

/**
 * The {@code k} nearest neighbours of every point, as umap-learn's {@code knn_indices, knn_dists}:
 * neighbour 0 is the point itself at distance 0, the rest follow by increasing euclidean distance
 * (ties by index). Immutable; accessors return copies.
 */
public final class Neighbors {
    private final int size;
    private final int k;
    private final int[] indices;
    private final double[] distances;

    Neighbors(int size, int k, int[] indices, double[] distances) {
        if (indices.length != size * k || distances.length != size * k) {
            throw new IllegalArgumentException("need size x k = " + size + " x " + k + " entries");
        }
        this.size = size;
        this.k = k;
        this.indices = indices;
        this.distances = distances;
    }

    /** Number of points. */
    public int size() {
        return size;
    }

    /** Neighbours per point, the point itself included. */
    public int k() {
        return k;
    }

    /** The neighbours of point {@code i}, itself first. */
    public int[] indices(int i) {
        return Arrays.copyOfRange(indices, i * k, (i + 1) * k);
    }

    /** The distances to the neighbours of point {@code i}, 0 first. */
    public double[] distances(int i) {
        return Arrays.copyOfRange(distances, i * k, (i + 1) * k);
    }

    int[] flatIndices() {
        return indices;
    }

    double[] flatDistances() {
        return distances;
    }
}
