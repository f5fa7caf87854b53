package io.scmap.embed;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The embed stage's result: which rows survived the filters, their SVD scores and their 2-D map
 * coordinates, with timings and diagnostics for the manifest. Immutable; array accessors return
 * copies.
 */
public final class Embedding {
    private final int[] keptRows;
    private final FilterCounts counts;
    private final TruncatedSvd svd;
    private final double[] x;
    private final double[] y;
    private final Map<String, Double> timingsSeconds;
    private final Map<String, Object> diagnostics;

    Embedding(
            int[] keptRows,
            FilterCounts counts,
            TruncatedSvd svd,
            double[] xy,
            Map<String, Double> timingsSeconds,
            Map<String, Object> diagnostics) {
        this.keptRows = keptRows.clone();
        this.counts = counts;
        this.svd = svd;
        int n = keptRows.length;
        if (svd.rows() != n || xy.length != 2 * n) {
            throw new IllegalArgumentException("need " + n + " SVD rows and coordinates");
        }
        this.x = new double[n];
        this.y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = xy[2 * i];
            y[i] = xy[2 * i + 1];
        }
        this.timingsSeconds = Collections.unmodifiableMap(new LinkedHashMap<>(timingsSeconds));
        this.diagnostics = Collections.unmodifiableMap(new LinkedHashMap<>(diagnostics));
    }

    /** Number of embedded rows. */
    public int size() {
        return keptRows.length;
    }

    /** For each embedded point, its row index in the input matrix (increasing). */
    public int[] keptRows() {
        return keptRows.clone();
    }

    /** Rows left after each filter. */
    public FilterCounts counts() {
        return counts;
    }

    /** The SVD of the kept, normalised rows; point {@code i} is {@code svd().row(i)}. */
    public TruncatedSvd svd() {
        return svd;
    }

    /** First map coordinate of every point, in [0, 10]-ish units as umap-learn's. */
    public double[] x() {
        return x.clone();
    }

    /** Second map coordinate of every point. */
    public double[] y() {
        return y.clone();
    }

    /** The coordinates as {@code size()} pairs {@code {x, y}}. */
    public double[][] coordinates() {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = new double[] {x[i], y[i]};
        }
        return out;
    }

    /**
     * Wall-clock seconds per step: {@code filter}, {@code svd}, {@code knn}, {@code graph}, {@code
     * init}, {@code optimize}, {@code total}.
     */
    public Map<String, Double> timingsSeconds() {
        return timingsSeconds;
    }

    /**
     * What the algorithms chose, for the manifest: {@code svdDims}, {@code singularValuesTop5}, {@code
     * neighbors}, {@code knn} ({@code exact} or {@code nn-descent}; for NN-descent also {@code
     * knnTrees}, {@code knnLeafSize}, {@code knnMaxCandidates}, {@code knnIterations}, {@code
     * knnChangesPerIteration}, {@code knnStop}), {@code edges}, {@code edgesOptimized}, {@code epochs},
     * {@code a}, {@code b}, {@code init}, {@code components}, {@code threads}.
     */
    public Map<String, Object> diagnostics() {
        return diagnostics;
    }

    @Override
    public String toString() {
        return "Embedding[" + size() + " points, " + counts + ", svd dims " + svd.dims() + ", first x "
                + Arrays.toString(Arrays.copyOf(x, Math.min(3, x.length))) + "]";
    }
}
