package io.scmap.embed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Approximate euclidean k nearest neighbours by NN-descent (Dong, Charikar &amp; Li 2011, "Efficient
 * k-nearest neighbor graph construction for generic similarity measures") with the refinements of
 * pynndescent, which umap-learn uses beyond 4,096 points:
 *
 * <ol>
 *   <li>{@link NnDescentRun#seed seed}: every pair of points sharing a leaf of a forest of {@link
 *       RandomProjectionForest random projection trees} ({@code min(64, 5 + round(sqrt(n) / 20))}
 *       trees as umap-learn, leaves of at most {@code min(256, max(10, m))} points as pynndescent) is
 *       offered to both points' lists, which hold {@code m = max(k, }{@value #MIN_LIST}{@code )}
 *       points (at most n); lists still short get random points;
 *   <li>{@link NnCandidates#build sample}: per point, up to {@code maxCandidates} neighbours and
 *       reverse neighbours not yet joined ("new") and as many already joined ("old"), chosen by a
 *       random priority: the paper's sampling, with {@code rho k = maxCandidates} (60, umap-learn's
 *       {@code max_candidates}); the sampled new ones become old;
 *   <li>{@link NnDescentRun#round local join}: every new-new and new-old pair among a point's
 *       candidates is measured and offered to both points' lists when it beats either one's k-th
 *       distance. Close points share many candidates' lists, so the join is run per pair rather
 *       than per point: each pair once, from its smaller point, and not measured at all when it is
 *       already listed there;
 *   <li>repeat 2-3 until a round changes at most {@code delta n m} list entries ({@code delta} 0.001,
 *       pynndescent's) or after {@code max(5, round(log2 n))} rounds (umap-learn's {@code n_iters}).
 * </ol>
 *
 * <p>The search runs on a float copy of the points renumbered in the first tree's leaf order, so
 * that nearby points are nearby in memory; the output is mapped back, with distances recomputed in
 * double precision exactly as {@link ExactNeighbors} computes them, and each point's k nearest of its
 * list kept, sorted by (distance, index).
 * Only the choice among points at exactly equal distance (duplicate rows) follows the internal
 * numbering.
 *
 * <p><b>Deterministic parallel scheme.</b> Work alternates between two phases that never overlap. A
 * generate phase runs tasks over fixed parts of the data (a tree's leaves in {@value #CHUNK_BLOCKS}
 * ranges; for the local join, chunks of {@value #CHUNK_BLOCKS} blocks of {@value #BLOCK} points),
 * which only read the lists and write offers (point, candidate, distance) to buffers of their own.
 * An apply phase gives each thread a contiguous range of points, whose lists it alone changes, and
 * it offers them every buffered offer addressed to them. A {@link KnnHeaps list} ends with the
 * {@code m - 1} smallest distinct (distance, index) pairs of what it held and was offered, whatever
 * the order of the offers, so the lists after every phase are the same for any number of threads
 * and any timing. Nothing reads a list's internal order: candidates are sampled by a hash of (salt,
 * round, pair), a round's changes are counted as the entries stamped with that round, and the output
 * is sorted. The salt and the trees' streams come from the given random: same random, same
 * neighbours, bit for bit.
 *
 * <p>Cost: O(trees n leafSize dim) to seed and at most O(n maxCandidates^2 dim) per round, falling
 * as the lists settle: linear in n, where the exact search's grows up to quadratically (at 80,000
 * SVD scores of 100 dimensions and k = 100, 3 rounds and about 1,600 distances per point, as fast
 * as the exact search there; 3,800 and 1.3 times faster on a less clustered set). O(n (m +
 * maxCandidates) + n dim) memory plus the pending offers of one chunk or tree. Recall (the fraction
 * of the true neighbours found) measured on clustered sets of 30,000 and 80,000 points in 100
 * dimensions: 0.98 to 1.00 at k = 15, 0.997 to 1.00 at k = 100; lower on data of high intrinsic
 * dimension (0.79 for 20,000 points uniform in a 100-dimensional cube, k = 15).
 */
final class NnDescent implements NeighborSearch {
    /** Candidates of each kind per point and round (umap-learn's {@code max_candidates}). */
    static final int MAX_CANDIDATES = 60;

    /** Stop when a round changes at most this fraction of the n k entries (pynndescent's delta). */
    static final double DELTA = 0.001;

    /** Points per generate task; fixed, so that the work split depends on the data only. */
    static final int BLOCK = 256;

    /** Blocks of one local-join chunk, whose offers are applied before the next chunk starts. */
    static final int CHUNK_BLOCKS = 16;

    private static final int MAX_LEAF = 256;

    /**
     * Shortest working list. Short lists leave NN-descent stuck on data of high intrinsic dimension
     * (recall 0.94 at k = 15 on 80,000 clustered 100-dimensional points); keeping 24 and returning the
     * best k gives 0.98 there for 1.7 times the work, still a third of the exact search's.
     */
    static final int MIN_LIST = 24;

    private final int trees;
    private final int maxIterations;
    private final int maxCandidates;
    private final double delta;
    private final Map<String, Object> report = new LinkedHashMap<>();

    /** NN-descent with umap-learn's settings. */
    NnDescent() {
        this(0, 0, MAX_CANDIDATES, DELTA);
    }

    /**
     * NN-descent with explicit settings.
     *
     * @param trees random projection trees, 0 = automatic
     * @param maxIterations most local-join rounds, 0 = automatic
     * @param maxCandidates most new (and most old) candidates per point and round, at least 1
     * @param delta stop when a round changes at most {@code delta n k} entries, at least 0
     */
    NnDescent(int trees, int maxIterations, int maxCandidates, double delta) {
        if (trees < 0 || maxIterations < 0 || maxCandidates < 1 || !(delta >= 0)) {
            throw new IllegalArgumentException("bad NN-descent settings: trees " + trees + ", maxIterations "
                    + maxIterations + ", maxCandidates " + maxCandidates + ", delta " + delta);
        }
        this.trees = trees;
        this.maxIterations = maxIterations;
        this.maxCandidates = maxCandidates;
        this.delta = delta;
    }

    @Override
    public Neighbors search(
            double[] points, int n, int dim, int k, SplittableRandom random, Parallel par, EmbedListener listener) {
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k must be in [1, " + n + "], got " + k);
        }
        long salt = random.nextLong();
        SplittableRandom treeRandom = random.split();
        report.clear();
        report.put("knn", "nn-descent");
        int[] indices = new int[n * k];
        double[] distances = new double[n * k];
        if (k == 1) {
            for (int i = 0; i < n; i++) {
                indices[i] = i;
            }
            return new Neighbors(n, k, indices, distances);
        }
        int treeCount = trees > 0 ? trees : Math.min(64, 5 + (int) Math.round(Math.sqrt(n) / 20.0));
        int listSize = Math.min(n, Math.max(k, MIN_LIST));
        int leafSize = Math.min(MAX_LEAF, Math.max(10, listSize));
        int rounds = maxIterations > 0 ? maxIterations : Math.max(5, (int) Math.round(Math.log(n) / Math.log(2)));
        RandomProjectionForest.Leaves[] forest =
                RandomProjectionForest.build(points, n, dim, treeCount, leafSize, treeRandom, par);
        NnDescentRun run = new NnDescentRun(points, n, dim, listSize, salt, forest[0].points, par);
        run.seed(forest);
        listener.progress("knn", 1.0 / (rounds + 1));
        List<Long> changes = new ArrayList<>();
        String stop = "max iterations";
        for (int round = 1; round <= rounds; round++) {
            long changed = run.round(round, maxCandidates);
            listener.progress("knn", (round + 1.0) / (rounds + 1));
            if (changed < 0) {
                stop = "no new candidates";
                break;
            }
            changes.add(changed);
            if (changed <= delta * n * listSize) {
                stop = "converged";
                break;
            }
        }
        run.write(k, indices, distances);
        listener.progress("knn", 1.0);
        report.put("knnListSize", listSize);
        report.put("knnTrees", treeCount);
        report.put("knnLeafSize", leafSize);
        report.put("knnMaxCandidates", maxCandidates);
        report.put("knnIterations", changes.size());
        report.put("knnChangesPerIteration", changes);
        report.put("knnStop", stop);
        report.put("knnDistances", run.distancesComputed());
        return new Neighbors(n, k, indices, distances);
    }

    @Override
    public Map<String, Object> report() {
        return new LinkedHashMap<>(report);
    }
}
