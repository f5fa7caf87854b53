package io.scmap.embed;

import java.util.Arrays;

/**
 * The working state of one {@link NnDescent} search and its phases: seeding from a forest, rounds of
 * candidate sampling and local joins, output.
 *
 * <p>Points are renumbered in the leaf order of the first random projection tree and copied as
 * floats, so that a block of consecutive points, their neighbours and their neighbours' neighbours
 * mostly sit close together in memory (the search is bound by memory traffic, not arithmetic); the
 * lists are kept in that numbering, and the output is mapped back, its distances recomputed exactly
 * in double precision and sorted by (distance, original index).
 *
 * <p>Every phase is a generate step, tasks over fixed blocks of points that read the lists and write
 * offers to buffers of their own (one per owner of the receiving point), then an apply step, one task
 * per owner (a contiguous range of points) offering its buffered offers to its own lists. See {@link
 * NnDescent} for why the result does not depend on the number of threads.
 */
final class NnDescentRun {
    private final double[] original;
    private final float[] x;
    private final int n;
    private final int dim;
    private final long salt;
    private final Parallel par;
    private final KnnHeaps heaps;

    /** {@code order[r]} is the original index of point {@code r}; {@code rank} is its inverse. */
    private final int[] order;

    private final int[] rank;

    /** Ranges of points whose lists one apply task changes; as many as threads. */
    private final int owners;

    /** Offers by generate task, then by owner of the receiving point. */
    private final Offers[][] buffers;

    /** Points already measured, by generate task. */
    private final Marks[] marks;

    /** A search keeping lists of {@code listSize} points, the point itself included. */
    NnDescentRun(double[] points, int n, int dim, int listSize, long salt, int[] leafOrder, Parallel par) {
        this.original = points;
        this.n = n;
        this.dim = dim;
        this.salt = salt;
        this.par = par;
        this.heaps = new KnnHeaps(n, listSize - 1);
        this.order = leafOrder.clone();
        this.rank = new int[n];
        for (int r = 0; r < n; r++) {
            rank[order[r]] = r;
        }
        this.x = new float[n * dim];
        forEachPoint(r -> {
            for (int d = 0; d < dim; d++) {
                x[r * dim + d] = (float) points[order[r] * dim + d];
            }
        });
        this.owners = Math.min(n, par.threads());
        this.buffers = new Offers[NnDescent.CHUNK_BLOCKS][owners];
        this.marks = new Marks[NnDescent.CHUNK_BLOCKS];
        for (int t = 0; t < marks.length; t++) {
            marks[t] = new Marks(n);
        }
        for (Offers[] row : buffers) {
            for (int o = 0; o < owners; o++) {
                row[o] = new Offers();
            }
        }
    }

    /** Distances computed so far by the seeding and the local joins. */
    long distancesComputed() {
        long total = 0;
        for (Marks m : marks) {
            total += m.distances;
        }
        return total;
    }

    /** Step 1: offers the pairs of each tree's leaves, one tree at a time, then fills short lists. */
    void seed(RandomProjectionForest.Leaves[] forest) {
        for (RandomProjectionForest.Leaves leaves : forest) {
            int[] bounds = Parallel.ranges(leaves.count(), NnDescent.CHUNK_BLOCKS);
            int tasks = bounds.length - 1;
            par.forEach(tasks, t -> {
                clear(buffers[t]);
                for (int l = bounds[t]; l < bounds[t + 1]; l++) {
                    offerLeafPairs(leaves.points, leaves.start[l], leaves.start[l + 1], marks[t], buffers[t]);
                }
            });
            apply(tasks, 0);
        }
        forEachPoint(this::fillShortList);
    }

    private void offerLeafPairs(int[] points, int from, int to, Marks seen, Offers[] out) {
        for (int s = from; s < to; s++) {
            int p = rank[points[s]];
            int stamp = markList(p, seen);
            for (int t = s + 1; t < to; t++) {
                pair(p, rank[points[t]], seen, stamp, out);
            }
        }
    }

    /**
     * Offers random points to point {@code r}'s list while it has empty slots, then, should the draws
     * keep missing, the points after it in order; only {@code r}'s own list changes.
     */
    private void fillShortList(int r) {
        int missing = heaps.capacity - heaps.filled(r);
        for (int draw = 0; draw < 2 * heaps.capacity && missing > 0; draw++) {
            int j = Math.floorMod(NnCandidates.mix(salt ^ NnCandidates.mix((long) r * 1_000_003L + draw)), n);
            if (heaps.offer(r, distance(r, j, Double.POSITIVE_INFINITY), j, 0)) {
                missing--;
            }
        }
        for (int step = 1; step < n && missing > 0; step++) {
            int j = (r + step) % n;
            if (heaps.offer(r, distance(r, j, Double.POSITIVE_INFINITY), j, 0)) {
                missing--;
            }
        }
    }

    /**
     * Steps 2-3, one round: samples candidates, then joins them chunk by chunk, applying each chunk's
     * offers before the next; returns how many list entries the round changed, or -1 when no point
     * had a new candidate.
     */
    long round(int round, int maxCandidates) {
        NnCandidates c = NnCandidates.build(heaps, maxCandidates, salt, round, NnDescent.BLOCK, par);
        c.markSampled(heaps, NnDescent.BLOCK, par);
        if (c.freshTotal() == 0) {
            return -1;
        }
        int[][] holders = c.holders();
        int blocks = blocks();
        for (int first = 0; first < blocks; first += NnDescent.CHUNK_BLOCKS) {
            int chunkStart = first;
            int tasks = Math.min(NnDescent.CHUNK_BLOCKS, blocks - first);
            par.forEach(tasks, t -> {
                clear(buffers[t]);
                int b = chunkStart + t;
                for (int p = b * NnDescent.BLOCK; p < Math.min(n, (b + 1) * NnDescent.BLOCK); p++) {
                    joinFrom(p, c, holders[0], holders[1], marks[t], buffers[t]);
                }
            });
            apply(tasks, round);
        }
        return heaps.countStamped(round);
    }

    /**
     * The local join seen from point {@code p}: measures {@code p} against every larger point {@code
     * q} that some point holds as a candidate together with it (both new, or one new and one old),
     * each such {@code q} once. Together over all {@code p}, this measures every pair the paper's
     * per-point join would, once instead of once per point holding both.
     */
    private void joinFrom(int p, NnCandidates c, int[] start, int[] entry, Marks seen, Offers[] out) {
        int stamp = markList(p, seen);
        for (int r = c.reverseStart[p]; r < c.reverseStart[p + 1]; r++) {
            seen.listing[c.reverseSlot[r] / heaps.capacity] = stamp;
        }
        for (int e = start[p]; e < start[p + 1]; e++) {
            int i = entry[e] >> 1;
            measureLarger(p, c.fresh, i * c.max, c.freshCount[i], seen, stamp, out);
            if ((entry[e] & 1) == 1) {
                measureLarger(p, c.old, i * c.max, c.oldCount[i], seen, stamp, out);
            }
        }
    }

    /** Pairs {@code p} with the larger points of {@code list[from, from + count)} not seen yet. */
    private void measureLarger(int p, int[] list, int from, int count, Marks seen, int stamp, Offers[] out) {
        for (int s = from; s < from + count; s++) {
            int q = list[s];
            if (q > p && seen.mark[q] != stamp) {
                pair(p, q, seen, stamp, out);
                seen.mark[q] = stamp;
            }
        }
    }

    /** Marks the points in {@code p}'s list with {@code -stamp} and their slots; returns the new stamp. */
    private int markList(int p, Marks seen) {
        int stamp = seen.next();
        for (int s = p * heaps.capacity; s < (p + 1) * heaps.capacity; s++) {
            int j = heaps.index[s];
            if (j >= 0) {
                seen.mark[j] = -stamp;
                seen.slot[j] = s;
            }
        }
        return stamp;
    }

    /**
     * Offers the pair to the lists it would enter, skipping offers that cannot change a list: to
     * {@code p} when {@code q} is in its list (marked {@code -stamp}; the distance is then known), to
     * {@code q} when {@code q}'s list held {@code p} as the round began ({@code listing} marked
     * {@code stamp}; {@code p} is still there, or was pushed out by nearer points).
     */
    private void pair(int p, int q, Marks seen, int stamp, Offers[] out) {
        boolean qListsP = seen.listing[q] == stamp;
        if (seen.mark[q] == -stamp) {
            double d = heaps.distance[seen.slot[q]];
            if (!qListsP && d <= heaps.worst(q)) {
                out[owner(q)].add(q, p, d);
            }
        } else {
            seen.distances++;
            measure(p, q, qListsP, out);
        }
    }

    /** Buffers an offer to each of the two points whose list, as it stands, the pair would enter. */
    private void measure(int p, int q, boolean qListsP, Offers[] out) {
        double wp = heaps.worst(p);
        double wq = qListsP ? -1 : heaps.worst(q);
        double d = distance(p, q, Math.max(wp, wq));
        if (d <= wp) {
            out[owner(p)].add(p, q, d);
        }
        if (d <= wq) {
            out[owner(q)].add(q, p, d);
        }
    }

    private int owner(int r) {
        return (int) ((long) r * owners / n);
    }

    /** The apply step: owner {@code o} offers every task's offers for its points to their lists. */
    private void apply(int tasks, int stamp) {
        par.forEach(owners, o -> {
            for (int t = 0; t < tasks; t++) {
                Offers in = buffers[t][o];
                for (int u = 0; u < in.size; u++) {
                    heaps.offer(in.target[u], in.distance[u], in.source[u], stamp);
                }
            }
        });
    }

    /**
     * Writes every point's {@code k <= listSize} nearest listed neighbours in the original numbering,
     * itself first, at exact double-precision distances sorted by (distance, index).
     */
    void write(int k, int[] indices, double[] distances) {
        par.forEach(blocks(), b -> {
            NeighborHeap sorter = new NeighborHeap(k - 1);
            for (int r = b * NnDescent.BLOCK; r < Math.min(n, (b + 1) * NnDescent.BLOCK); r++) {
                int i = order[r];
                sorter.clear();
                for (int p = r * heaps.capacity; p < (r + 1) * heaps.capacity; p++) {
                    int j = order[heaps.index[p]];
                    sorter.offer(ExactNeighbors.squaredDistance(original, i * dim, j * dim, dim), j);
                }
                sorter.writeSorted(i, k, indices, distances);
            }
        });
    }

    private double distance(int p, int q, double bound) {
        return squaredDistance(x, p * dim, q * dim, dim, bound);
    }

    /**
     * Squared euclidean distance between float rows starting at {@code a} and {@code b}, summed in
     * double, or a partial sum {@code > bound} as soon as one exceeds it. Four interleaved sums let the
     * processor overlap the additions; the order of operations is fixed and symmetric in the two rows,
     * so a pair always gets the same value.
     */
    static double squaredDistance(float[] x, int a, int b, int dim, double bound) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int d = 0;
        while (d + 4 <= dim) {
            int end = Math.min(dim - 3, d + 16);
            for (; d < end; d += 4) {
                double e0 = (double) x[a + d] - x[b + d];
                double e1 = (double) x[a + d + 1] - x[b + d + 1];
                double e2 = (double) x[a + d + 2] - x[b + d + 2];
                double e3 = (double) x[a + d + 3] - x[b + d + 3];
                s0 += e0 * e0;
                s1 += e1 * e1;
                s2 += e2 * e2;
                s3 += e3 * e3;
            }
            if ((s0 + s1) + (s2 + s3) > bound) {
                return (s0 + s1) + (s2 + s3);
            }
        }
        for (; d < dim; d++) {
            double e = (double) x[a + d] - x[b + d];
            s0 += e * e;
        }
        return (s0 + s1) + (s2 + s3);
    }

    private int blocks() {
        return (n + NnDescent.BLOCK - 1) / NnDescent.BLOCK;
    }

    private void forEachPoint(java.util.function.IntConsumer body) {
        par.forEach(blocks(), b -> {
            for (int r = b * NnDescent.BLOCK; r < Math.min(n, (b + 1) * NnDescent.BLOCK); r++) {
                body.accept(r);
            }
        });
    }

    private static void clear(Offers[] row) {
        for (Offers o : row) {
            o.size = 0;
        }
    }

    /**
     * Marks on points, cleared in O(1) by moving to a new positive stamp: in {@code mark}, {@code
     * stamp} for points measured and {@code -stamp} for points in the current point's list, at {@code
     * slot}; in {@code listing}, {@code stamp} for points whose list held the current point as the
     * round began.
     */
    private static final class Marks {
        final int[] mark;
        final int[] slot;
        final int[] listing;
        private int stamp;

        /** Distances computed by the task, for the report. */
        long distances;

        Marks(int n) {
            mark = new int[n];
            slot = new int[n];
            listing = new int[n];
        }

        int next() {
            if (stamp == Integer.MAX_VALUE) {
                Arrays.fill(mark, 0);
                Arrays.fill(listing, 0);
                stamp = 0;
            }
            return ++stamp;
        }
    }

    /** A growable buffer of offers: {@code source} at squared {@code distance} to {@code target}'s list. */
    private static final class Offers {
        int[] target = new int[256];
        int[] source = new int[256];
        double[] distance = new double[256];
        int size;

        void add(int to, int from, double d) {
            if (size == target.length) {
                int grown = size * 2;
                target = Arrays.copyOf(target, grown);
                source = Arrays.copyOf(source, grown);
                distance = Arrays.copyOf(distance, grown);
            }
            target[size] = to;
            source[size] = from;
            distance[size++] = d;
        }
    }
}
