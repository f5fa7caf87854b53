package io.scmap.embed;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * UMAP's layout optimisation (McInnes, Healy &amp; Melville 2018, section 3.2 and appendix; umap-learn
 * {@code optimize_layout_euclidean} with {@code move_other=True}): stochastic gradient descent on the
 * fuzzy cross-entropy, sampling each edge every {@code max weight / weight} epochs with its attractive
 * gradient {@code -2ab d^(2(b-1)) / (1 + a d^(2b))}, then {@code negativeSampleRate} random points per
 * sample with the repulsive gradient {@code 2 gamma b / ((0.001 + d^2)(1 + a d^(2b)))}, each
 * coordinate step clipped to [-4, 4], the learning rate decaying linearly to 0.
 *
 * <p><b>Deterministic parallel scheme.</b> Points are split into fixed blocks of consecutive heads
 * (balanced by edge count, independent of the thread count), each with its own random stream split
 * from the seed. Within an epoch a block moves its own heads at once, as umap-learn does, but reads
 * every other point from the snapshot taken at the epoch's start, and queues the tails' opposite
 * moves; the queues are applied in block order when all blocks are done. So the output is
 * bit-identical for any number of threads and any timing. The cost is that other points' moves reach
 * a head one epoch late, the staleness umap-learn's own parallel mode has nondeterministically. The
 * negative samples drawn after one positive sample are computed from the same head position and their
 * (individually clipped) moves summed, rather than applied one after another: the same samples and
 * gradients, but independent enough for the processor to overlap them (about 30% faster).
 * {@code d^(2b)} comes from {@link FixedPower} (within {@code 1e-12} of {@code Math.pow}, a quarter
 * less optimisation time on the 8,000-artist benchmark), and negative samples are drawn by {@link
 * #uniformIndex} rather than umap-learn's {@code tau_rand_int() % n}: both uniform up to a bias
 * below {@code n / 2^32}.
 *
 * <p>O(epochs (edges + sampled edges (1 + negativeSampleRate))) time, O(n + edges) memory.
 */
final class UmapOptimizer {
    private static final int BLOCKS = 32;
    private static final int DIM = 2;

    private final FuzzyGraph graph;
    private final double a;
    private final double b;
    private final double gamma;
    private final FixedPower power;
    private final double[] epochsPerSample;
    private final double[] epochsPerNegative;
    private final double[] nextSample;
    private final double[] nextNegative;
    private final int[] blockBounds;

    UmapOptimizer(FuzzyGraph graph, double a, double b, double gamma, int negativeSampleRate) {
        this.graph = graph;
        this.a = a;
        this.b = b;
        this.gamma = gamma;
        this.power = new FixedPower(b);
        int e = graph.edges();
        double max = graph.maxWeight();
        epochsPerSample = new double[e];
        epochsPerNegative = new double[e];
        for (int p = 0; p < e; p++) {
            epochsPerSample[p] = max / graph.weights[p];
            epochsPerNegative[p] =
                    negativeSampleRate > 0 ? epochsPerSample[p] / negativeSampleRate : Double.POSITIVE_INFINITY;
        }
        nextSample = epochsPerSample.clone();
        nextNegative = epochsPerNegative.clone();
        blockBounds = balancedHeads(graph, BLOCKS);
    }

    /** Runs {@code epochs} epochs on the row-major {@code n x 2} layout {@code pos}, in place. */
    void optimize(
            double[] pos, int epochs, double learningRate, SplittableRandom random, Parallel par, EmbedListener l) {
        int blocks = blockBounds.length - 1;
        SplittableRandom[] streams = new SplittableRandom[blocks];
        Moves[] moves = new Moves[blocks];
        for (int k = 0; k < blocks; k++) {
            streams[k] = random.split();
            moves[k] = new Moves();
        }
        double[] snapshot = pos.clone();
        double alpha = learningRate;
        for (int epoch = 0; epoch < epochs; epoch++) {
            System.arraycopy(pos, 0, snapshot, 0, pos.length);
            int n0 = epoch;
            double step = alpha;
            par.forEach(blocks, k -> {
                moves[k].clear();
                for (int i = blockBounds[k]; i < blockBounds[k + 1]; i++) {
                    moveHead(i, n0, step, pos, snapshot, streams[k], moves[k]);
                }
            });
            for (Moves m : moves) {
                m.applyTo(pos);
            }
            alpha = learningRate * (1.0 - (double) epoch / epochs);
            l.progress("optimize", (epoch + 1.0) / epochs);
        }
    }

    /** Samples the due edges of head {@code i} in epoch {@code epoch}. */
    private void moveHead(
            int i, int epoch, double alpha, double[] pos, double[] snap, SplittableRandom rng, Moves moves) {
        for (int p = graph.indptr[i]; p < graph.indptr[i + 1]; p++) {
            if (nextSample[p] > epoch) {
                continue;
            }
            int t = graph.indices[p];
            double cx = pos[i * DIM];
            double cy = pos[i * DIM + 1];
            double dx = cx - snap[t * DIM];
            double dy = cy - snap[t * DIM + 1];
            double d2 = dx * dx + dy * dy;
            double coeff = 0;
            if (d2 > 0) {
                double pb = power.of(d2);
                coeff = -2.0 * a * b * pb / (d2 * (a * pb + 1.0));
            }
            double gx = clip(coeff * dx) * alpha;
            double gy = clip(coeff * dy) * alpha;
            moves.add(t, -gx, -gy);
            nextSample[p] += epochsPerSample[p];
            pos[i * DIM] = cx + gx;
            pos[i * DIM + 1] = cy + gy;
            if (epochsPerNegative[p] == Double.POSITIVE_INFINITY) {
                continue;
            }
            int negatives = (int) ((epoch - nextNegative[p]) / epochsPerNegative[p]);
            repelFromRandomPoints(i, negatives, alpha, pos, snap, rng);
            nextNegative[p] += negatives * epochsPerNegative[p];
        }
    }

    /** Moves head {@code i} away from {@code count} uniformly drawn points (skipping itself). */
    private void repelFromRandomPoints(
            int i, int count, double alpha, double[] pos, double[] snap, SplittableRandom rng) {
        int n = graph.size;
        double cx = pos[i * DIM];
        double cy = pos[i * DIM + 1];
        double sx = 0;
        double sy = 0;
        for (int s = 0; s < count; s++) {
            int k = uniformIndex(rng, n);
            if (k == i) {
                continue;
            }
            double rx = cx - snap[k * DIM];
            double ry = cy - snap[k * DIM + 1];
            double r2 = rx * rx + ry * ry;
            if (r2 > 0) {
                double rc = 2.0 * gamma * b / ((0.001 + r2) * (a * power.of(r2) + 1.0));
                sx += clip(rc * rx) * alpha;
                sy += clip(rc * ry) * alpha;
            }
        }
        pos[i * DIM] = cx + sx;
        pos[i * DIM + 1] = cy + sy;
    }

    /**
     * A uniform index below n by Lemire's multiply-shift of 32 random bits: no division (which
     * {@code nextInt(n)} needs), and a bias below {@code n / 2^32}, far less than umap-learn's own
     * {@code random % n}.
     */
    private static int uniformIndex(SplittableRandom rng, int n) {
        return (int) (((rng.nextInt() & 0xffffffffL) * n) >>> 32);
    }

    private static double clip(double v) {
        return v > 4.0 ? 4.0 : (v < -4.0 ? -4.0 : v);
    }

    /** Head ranges with about equal numbers of edges (plus one per head). */
    private static int[] balancedHeads(FuzzyGraph g, int parts) {
        int n = g.size;
        int k = Math.max(1, Math.min(parts, n));
        int[] bounds = new int[k + 1];
        long total = (long) g.edges() + n;
        int row = 0;
        for (int blk = 1; blk < k; blk++) {
            long target = total * blk / k;
            while (row < n && (long) g.indptr[row] + row < target) {
                row++;
            }
            bounds[blk] = Math.max(row, bounds[blk - 1]);
        }
        bounds[k] = n;
        return bounds;
    }

    /** Queued moves of tail points, applied in insertion order. */
    private static final class Moves {
        private int[] who = new int[64];
        private double[] delta = new double[128];
        private int size;

        void clear() {
            size = 0;
        }

        void add(int point, double dx, double dy) {
            if (size == who.length) {
                who = Arrays.copyOf(who, size * 2);
                delta = Arrays.copyOf(delta, size * 4);
            }
            who[size] = point;
            delta[2 * size] = dx;
            delta[2 * size + 1] = dy;
            size++;
        }

        void applyTo(double[] pos) {
            for (int s = 0; s < size; s++) {
                pos[who[s] * DIM] += delta[2 * s];
                pos[who[s] * DIM + 1] += delta[2 * s + 1];
            }
        }
    }
}
