package io.scmap.cluster;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A flat clustering of n points: a label per point ({@link #NOISE} or a cluster number {@code
 * 0..clusterCount()-1}) and a membership probability per point.
 *
 * <p>Clusters are numbered by size, largest first, ties broken by the smallest member index, so the
 * numbering depends only on the partition, not on the algorithm's internal ids. Immutable; arrays are
 * copied on the way in and out.
 */
public final class Clustering {
    /** The label of points in no cluster. */
    public static final int NOISE = -1;

    private final int[] labels;
    private final double[] probabilities;
    private final int[] clusterSizes;
    private final int noiseCount;

    /**
     * A clustering from labels kept as given (noise -1, clusters 0..k-1, none empty), e.g. read back from
     * {@code points.csv}, with a membership probability per point.
     *
     * @throws IllegalArgumentException when lengths differ, a label is below -1, a cluster number is
     *     skipped, or a probability lies outside [0, 1]
     */
    public static Clustering of(int[] labels, double[] probabilities) {
        return new Clustering(labels, probabilities);
    }

    /**
     * A clustering from labels (noise -1, clusters numbered as described above) and probabilities.
     *
     * @throws IllegalArgumentException when lengths differ, a label is below -1, a cluster number is
     *     skipped, or a probability lies outside [0, 1]
     */
    Clustering(int[] labels, double[] probabilities) {
        if (labels.length != probabilities.length) {
            throw new IllegalArgumentException(
                    "probabilities must have " + labels.length + " entries, got " + probabilities.length);
        }
        this.labels = labels.clone();
        this.probabilities = probabilities.clone();
        int max = -1;
        int noise = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < NOISE) {
                throw new IllegalArgumentException("labels[" + i + "] must be >= -1, got " + labels[i]);
            }
            if (!(probabilities[i] >= 0 && probabilities[i] <= 1)) {
                throw new IllegalArgumentException(
                        "probabilities[" + i + "] must be in [0, 1], got " + probabilities[i]);
            }
            max = Math.max(max, labels[i]);
            noise += labels[i] == NOISE ? 1 : 0;
        }
        this.noiseCount = noise;
        this.clusterSizes = new int[max + 1];
        for (int label : labels) {
            if (label >= 0) {
                clusterSizes[label]++;
            }
        }
        for (int c = 0; c < clusterSizes.length; c++) {
            if (clusterSizes[c] == 0) {
                throw new IllegalArgumentException("cluster " + c + " has no members");
            }
        }
    }

    /** Number of points. */
    public int size() {
        return labels.length;
    }

    /** Label of point {@code i}: a cluster number, or {@link #NOISE}. */
    public int label(int i) {
        return labels[i];
    }

    /** A copy of all labels, by point. */
    public int[] labels() {
        return labels.clone();
    }

    /** How strongly point {@code i} belongs to its cluster, in [0, 1]; 0 for noise. */
    public double probability(int i) {
        return probabilities[i];
    }

    /** A copy of all membership probabilities, by point. */
    public double[] probabilities() {
        return probabilities.clone();
    }

    /** Number of clusters. */
    public int clusterCount() {
        return clusterSizes.length;
    }

    /** Number of points labelled {@link #NOISE}. */
    public int noiseCount() {
        return noiseCount;
    }

    /** Number of points in cluster {@code c}. */
    public int clusterSize(int c) {
        return clusterSizes[c];
    }

    /** Indices of the points in cluster {@code c}, ascending. */
    public int[] members(int c) {
        if (c < 0 || c >= clusterSizes.length) {
            throw new IllegalArgumentException("cluster must be in [0, " + clusterSizes.length + "), got " + c);
        }
        int[] result = new int[clusterSizes[c]];
        int k = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == c) {
                result[k++] = i;
            }
        }
        return result;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Clustering that
                && Arrays.equals(labels, that.labels)
                && Arrays.equals(probabilities, that.probabilities);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(labels) + Arrays.hashCode(probabilities);
    }

    @Override
    public String toString() {
        return "Clustering[points=" + labels.length + ", clusters=" + clusterSizes.length + ", noise=" + noiseCount
                + "]";
    }
}
