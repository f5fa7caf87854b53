package io.scmap.embed;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.jspecify.annotations.Nullable;

/**
 * UMAP's spectral initialisation in two dimensions, as umap-learn's {@code spectral_layout}, {@code
 * multi_component_layout} and {@code noisy_scale_coords}:
 *
 * <ol>
 *   <li>find the graph's connected components;
 *   <li>one component: eigenvectors 2 and 3 of the normalised Laplacian ({@link SpectralSolver}),
 *       uniform in [-10, 10] should the solver fail;
 *   <li>several: place the components' centres apart (up to 4 on the axes at distance 1 as
 *       umap-learn; more at their centroids' two principal coordinates, where umap-learn uses a
 *       spectral embedding that fails for far-apart components), lay each component out spectrally
 *       (uniformly at random when it has fewer than 4 points) scaled to half the distance to the
 *       nearest other centre, so every point is kept;
 *   <li>scale to a largest coordinate of 10, add Gaussian noise of 1e-4, and rescale each axis to [0,
 *       10] as the optimiser expects.
 * </ol>
 *
 * <p>Deterministic for a given random stream.
 */
final class InitialLayout {
    private static final int DIM = 2;

    /** What the layout did, for the manifest. */
    String method = "spectral";

    int components;

    /** Returns row-major {@code n x 2} coordinates in [0, 10]. */
    double[] compute(FuzzyGraph g, double[] data, int dim, SplittableRandom random, Parallel par) {
        int n = g.size;
        SplittableRandom solverRandom = random.split();
        SplittableRandom fallbackRandom = random.split();
        SplittableRandom noiseRandom = random.split();
        int[] label = new int[n];
        components = components(g, label);
        double[] coords;
        if (components == 1) {
            SpectralSolver solver = new SpectralSolver();
            coords = solver.smallestNontrivial(g, DIM + 1, solverRandom, par);
            method = "spectral (" + solver.report + ")";
            if (coords == null) {
                method = "random (spectral failed)";
                coords = uniform(n, 10, fallbackRandom);
            }
        } else {
            method = "spectral, " + components + " components";
            coords = multiComponent(g, label, data, dim, solverRandom, fallbackRandom, par);
        }
        noisyScale(coords, noiseRandom);
        rescaleAxes(coords, n);
        return coords;
    }

    /** Labels each vertex with its component (numbered by first vertex); returns the count. */
    static int components(FuzzyGraph g, int[] label) {
        Arrays.fill(label, -1);
        int count = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int s = 0; s < g.size; s++) {
            if (label[s] >= 0) {
                continue;
            }
            label[s] = count;
            queue.add(s);
            while (!queue.isEmpty()) {
                int v = queue.poll();
                for (int p = g.indptr[v]; p < g.indptr[v + 1]; p++) {
                    int w = g.indices[p];
                    if (label[w] < 0) {
                        label[w] = count;
                        queue.add(w);
                    }
                }
            }
            count++;
        }
        return count;
    }

    private double[] multiComponent(
            FuzzyGraph g,
            int[] label,
            double[] data,
            int dim,
            SplittableRandom solverRandom,
            SplittableRandom fallbackRandom,
            Parallel par) {
        int n = g.size;
        int c = components;
        double[] centres = centres(c, label, data, dim, fallbackRandom);
        double[] out = new double[n * DIM];
        for (int comp = 0; comp < c; comp++) {
            int[] members = membersOf(label, comp);
            double range = halfDistanceToNearest(centres, c, comp);
            double[] local = members.length < 2 * DIM || members.length <= DIM + 1
                    ? null
                    : new SpectralSolver()
                            .smallestNontrivial(subgraph(g, label, comp, members), DIM + 1, solverRandom, par);
            double scale;
            if (local == null) {
                local = uniform(members.length, 1.0, fallbackRandom);
                scale = range;
            } else {
                scale = range / maxAbs(local);
            }
            for (int m = 0; m < members.length; m++) {
                for (int d = 0; d < DIM; d++) {
                    out[members[m] * DIM + d] = local[m * DIM + d] * scale + centres[comp * DIM + d];
                }
            }
        }
        return out;
    }

    private static int[] membersOf(int[] label, int comp) {
        return java.util.stream.IntStream.range(0, label.length)
                .filter(i -> label[i] == comp)
                .toArray();
    }

    /** The component's induced subgraph, renumbered in vertex order. */
    private static FuzzyGraph subgraph(FuzzyGraph g, int[] label, int comp, int[] members) {
        int[] local = new int[g.size];
        for (int m = 0; m < members.length; m++) {
            local[members[m]] = m;
        }
        int[] ip = new int[members.length + 1];
        int nnz = 0;
        for (int m = 0; m < members.length; m++) {
            nnz += g.indptr[members[m] + 1] - g.indptr[members[m]];
            ip[m + 1] = nnz;
        }
        int[] ix = new int[nnz];
        double[] w = new double[nnz];
        int q = 0;
        for (int v : members) {
            for (int p = g.indptr[v]; p < g.indptr[v + 1]; p++) {
                if (label[g.indices[p]] == comp) {
                    ix[q] = local[g.indices[p]];
                    w[q++] = g.weights[p];
                }
            }
        }
        return new FuzzyGraph(members.length, ip, ix, w);
    }

    /** Component centres, row-major {@code c x 2}, as umap-learn's meta-embedding. */
    private double[] centres(int c, int[] label, double[] data, int dim, SplittableRandom random) {
        double[] out = new double[c * DIM];
        if (c <= 2 * DIM) {
            int half = (c + 1) / 2;
            for (int i = 0; i < c; i++) {
                int axis = i % half;
                out[i * DIM + axis] = i < half ? 1.0 : -1.0;
            }
            return out;
        }
        double[] principal = centroidEmbedding(c, label, data, dim);
        if (principal == null) {
            method = "spectral, " + c + " components at random centres";
            return uniform(c, 1.0, random);
        }
        return principal;
    }

    /**
     * The centroids' coordinates on their two principal axes, scaled to max |x| = 1; null when they
     * do not spread. (umap-learn embeds the centroids spectrally with affinities {@code exp(-d^2)},
     * which underflow to a disconnected graph once components lie a few units apart.)
     */
    private static double @Nullable [] centroidEmbedding(int c, int[] label, double[] data, int dim) {
        double[] centred = centroids(c, label, data, dim);
        double[] mean = new double[dim];
        for (int i = 0; i < c * dim; i++) {
            mean[i % dim] += centred[i] / c;
        }
        for (int i = 0; i < c * dim; i++) {
            centred[i] -= mean[i % dim];
        }
        double[] out = principalCoordinates(centred, c, dim);
        double max = out == null ? 0 : maxAbs(out);
        if (out == null || !(max > 0) || !Double.isFinite(max)) {
            return null;
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= max;
        }
        return out;
    }

    private static double[] centroids(int c, int[] label, double[] data, int dim) {
        double[] centroid = new double[c * dim];
        int[] count = new int[c];
        for (int i = 0; i < label.length; i++) {
            count[label[i]]++;
            for (int d = 0; d < dim; d++) {
                centroid[label[i] * dim + d] += data[i * dim + d];
            }
        }
        for (int i = 0; i < c * dim; i++) {
            centroid[i] /= count[i / dim];
        }
        return centroid;
    }

    /**
     * Coordinates of the centred rows on their two principal axes, from the eigen-decomposition of the
     * smaller of the {@code c x c} Gram and the {@code dim x dim} scatter matrix; signs fixed.
     */
    private static double @Nullable [] principalCoordinates(double[] centred, int c, int dim) {
        boolean byGram = c <= dim;
        int size = byGram ? c : dim;
        DMatrixRMaj m = new DMatrixRMaj(size, size);
        for (int r = 0; r < size; r++) {
            for (int s = 0; s <= r; s++) {
                double v = 0;
                for (int t = 0; t < (byGram ? dim : c); t++) {
                    v += byGram
                            ? centred[r * dim + t] * centred[s * dim + t]
                            : centred[t * dim + r] * centred[t * dim + s];
                }
                m.set(r, s, v);
                m.set(s, r, v);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(size, true, true);
        if (!eig.decompose(m)) {
            return null;
        }
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = eig.getEigenvalue(i).getReal();
        }
        int[] order = DenseOps.orderDescending(values);
        double[] out = new double[c * DIM];
        for (int d = 0; d < DIM && d < size; d++) {
            DMatrixRMaj v = eig.getEigenVector(order[d]);
            if (v == null) {
                return null;
            }
            for (int i = 0; i < c; i++) {
                out[i * DIM + d] =
                        byGram ? v.get(i, 0) * Math.sqrt(Math.max(0, values[order[d]])) : project(centred, i, dim, v);
            }
        }
        RandomizedSvd.flipSigns(out, c, DIM);
        return out;
    }

    private static double project(double[] rows, int i, int dim, DMatrixRMaj axis) {
        double s = 0;
        for (int t = 0; t < dim; t++) {
            s += rows[i * dim + t] * axis.get(t, 0);
        }
        return s;
    }

    private static double halfDistanceToNearest(double[] centres, int c, int comp) {
        double best = Double.POSITIVE_INFINITY;
        for (int o = 0; o < c; o++) {
            double d = Math.sqrt(ExactNeighbors.squaredDistance(centres, comp * DIM, o * DIM, DIM));
            if (d > 0) {
                best = Math.min(best, d);
            }
        }
        return Double.isFinite(best) ? best / 2 : 1.0;
    }

    private static double[] uniform(int n, double half, SplittableRandom random) {
        double[] out = new double[n * DIM];
        for (int i = 0; i < out.length; i++) {
            out[i] = random.nextDouble(-half, half);
        }
        return out;
    }

    static double maxAbs(double[] v) {
        double max = 0;
        for (double x : v) {
            max = Math.max(max, Math.abs(x));
        }
        return max;
    }

    private static void noisyScale(double[] coords, SplittableRandom random) {
        double max = maxAbs(coords);
        double expansion = max > 0 ? 10.0 / max : 1.0;
        for (int i = 0; i < coords.length; i++) {
            coords[i] = coords[i] * expansion + 1e-4 * random.nextGaussian();
        }
    }

    /** Maps each axis linearly onto [0, 10] (a constant axis onto 0). */
    static void rescaleAxes(double[] coords, int n) {
        for (int d = 0; d < DIM; d++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                min = Math.min(min, coords[i * DIM + d]);
                max = Math.max(max, coords[i * DIM + d]);
            }
            double scale = max > min ? 10.0 / (max - min) : 0.0;
            for (int i = 0; i < n; i++) {
                coords[i * DIM + d] = (coords[i * DIM + d] - min) * scale;
            }
        }
    }
}
