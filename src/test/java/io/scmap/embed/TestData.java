package io.scmap.embed;

import io.scmap.matrix.ColumnLabel;
import io.scmap.matrix.InteractionMatrix;
import io.scmap.matrix.RowLabel;
import io.scmap.matrix.SparseMatrix;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/** Synthetic inputs with known structure, deterministic from a seed. */
final class TestData {
    private TestData() {}

    /** Points with their blob labels (shared arrays; tests only). */
    static final class Blobs {
        final double[][] points;
        final int[] labels;

        Blobs(double[][] points, int[] labels) {
            this.points = points;
            this.labels = labels;
        }
    }

    /** {@code blobs x perBlob} Gaussian points (sd 1) in {@code dim} dimensions, centres ~ N(0, spread^2). */
    static Blobs blobs(int blobs, int perBlob, int dim, double spread, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] centres = new double[blobs][dim];
        for (double[] c : centres) {
            for (int d = 0; d < dim; d++) {
                c[d] = r.nextGaussian() * spread;
            }
        }
        double[][] points = new double[blobs * perBlob][dim];
        int[] labels = new int[points.length];
        for (int i = 0; i < points.length; i++) {
            labels[i] = i % blobs;
            for (int d = 0; d < dim; d++) {
                points[i][d] = centres[labels[i]][d] + r.nextGaussian();
            }
        }
        return new Blobs(points, labels);
    }

    /** A CSR matrix from a dense one, dropping zeros. */
    static SparseMatrix sparse(double[][] dense, int cols) {
        int[] indptr = new int[dense.length + 1];
        List<Integer> idx = new ArrayList<>();
        List<Double> val = new ArrayList<>();
        for (int i = 0; i < dense.length; i++) {
            for (int j = 0; j < cols; j++) {
                if (dense[i][j] != 0) {
                    idx.add(j);
                    val.add(dense[i][j]);
                }
            }
            indptr[i + 1] = idx.size();
        }
        return SparseMatrix.of(
                dense.length,
                cols,
                indptr,
                idx.stream().mapToInt(Integer::intValue).toArray(),
                val.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * A sparse {@code rows x cols} matrix of exact rank {@code rank} (rows in groups, each using its
     * own columns with strength falling by group) plus sparse noise of size {@code noise}.
     */
    static double[][] plantedLowRank(int rows, int cols, int rank, double noise, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] a = new double[rows][cols];
        double[][] profile = new double[rank][cols];
        for (int g = 0; g < rank; g++) {
            for (int j = 0; j < cols; j++) {
                if (r.nextDouble() < 0.15) {
                    profile[g][j] = (1 + r.nextDouble()) * Math.pow(0.8, g);
                }
            }
        }
        for (int i = 0; i < rows; i++) {
            int g = i % rank;
            double scale = 0.5 + r.nextDouble();
            for (int j = 0; j < cols; j++) {
                a[i][j] = scale * profile[g][j];
                if (r.nextDouble() < 0.02) {
                    a[i][j] += noise * r.nextGaussian();
                }
            }
        }
        return a;
    }

    /**
     * An interaction matrix with planted communities, like the reference benchmark's generator:
     * heavy-tailed column popularity, 60% of columns homed in a community, each row drawing about
     * {@code events} interactions (like = 1 with p 0.75, else 3), 60% from its community's columns.
     */
    static InteractionMatrix communities(int rows, int cols, int communities, int events, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] weight = new double[cols];
        int[] home = new int[cols];
        for (int j = 0; j < cols; j++) {
            weight[j] = Math.pow(1 + r.nextInt(cols), -0.9);
            home[j] = r.nextDouble() < 0.6 ? r.nextInt(communities) : -1;
        }
        double[][] pools = new double[communities + 1][];
        int[][] poolCols = new int[communities + 1][];
        for (int c = 0; c <= communities; c++) {
            int cc = c;
            poolCols[c] = java.util.stream.IntStream.range(0, cols)
                    .filter(j -> cc == communities || home[j] == cc)
                    .toArray();
            pools[c] = new double[poolCols[c].length];
            double s = 0;
            for (int t = 0; t < poolCols[c].length; t++) {
                s += weight[poolCols[c][t]];
                pools[c][t] = s;
            }
        }
        int[] indptr = new int[rows + 1];
        List<int[]> indices = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        List<RowLabel> rowLabels = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            int c = i % communities;
            int ev = (int) Math.max(20, events * Math.exp(0.4 * r.nextGaussian()));
            TreeMap<Integer, Double> row = new TreeMap<>();
            for (int e = 0; e < ev; e++) {
                int pool = r.nextDouble() < 0.6 ? c : communities;
                int j = draw(poolCols[pool], pools[pool], r);
                row.merge(j, r.nextDouble() < 0.75 ? 1.0 : 3.0, Double::sum);
            }
            indices.add(row.keySet().stream().mapToInt(Integer::intValue).toArray());
            values.add(row.values().stream().mapToDouble(Double::doubleValue).toArray());
            indptr[i + 1] = indptr[i] + row.size();
            rowLabels.add(new RowLabel(i, "artist-" + i, "Artist " + i, 100 + i, LocalDate.of(2015, 1, 1)));
        }
        int[] ix = new int[indptr[rows]];
        double[] v = new double[indptr[rows]];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(indices.get(i), 0, ix, indptr[i], indices.get(i).length);
            System.arraycopy(values.get(i), 0, v, indptr[i], values.get(i).length);
        }
        List<ColumnLabel> colLabels = new ArrayList<>();
        for (int j = 0; j < cols; j++) {
            colLabels.add(new ColumnLabel(j, "col-" + j, ""));
        }
        return new InteractionMatrix(SparseMatrix.of(rows, cols, indptr, ix, v), rowLabels, colLabels);
    }

    private static int draw(int[] cols, double[] cdf, SplittableRandom r) {
        double u = r.nextDouble() * cdf[cdf.length - 1];
        int k = Arrays.binarySearch(cdf, u);
        k = k >= 0 ? k + 1 : -k - 1;
        return cols[Math.min(k, cols.length - 1)];
    }

    /** Fraction of points whose nearest other point (euclidean, 2-D) carries the same label. */
    static double nearestNeighborPurity(double[][] xy, int[] labels, int k) {
        Neighbors nb = Embedder.nearestNeighbors(xy, k + 1, 1);
        int same = 0;
        for (int i = 0; i < xy.length; i++) {
            for (int j : Arrays.copyOfRange(nb.indices(i), 1, k + 1)) {
                if (labels[j] == labels[i]) {
                    same++;
                }
            }
        }
        return same / (double) (xy.length * k);
    }
}
