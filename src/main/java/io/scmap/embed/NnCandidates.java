package io.scmap.embed;

import java.util.Arrays;

/**
 * One round's local-join candidates of NN-descent (Dong, Charikar &amp; Li 2011, the full
 * algorithm's sampling, reverse neighbours and new/old flags of incremental search): per point, up
 * to {@code max} of its neighbours and reverse neighbours whose entry is flagged new, and up to
 * {@code max} flagged old, each list sorted by index without repeats.
 *
 * <p>The sample is taken by a random priority per pair, a hash of the salt, the round and the pair
 * (the same in both directions, as pynndescent draws one priority per edge for both ends), keeping
 * the {@code max} lowest. So the sample depends on what the lists hold, not on the order their
 * heaps happen to store it, and each point's candidates are found by the task that owns the point.
 *
 * <p>The local join compares, for every point, its new candidates with each other and with its old
 * ones; {@link #holders} lets it visit each such pair once, from its smaller point, however many
 * points hold both as candidates (often several: close points share neighbours).
 *
 * <p>O(n k log max) time, O(n (k + max)) memory.
 */
final class NnCandidates {
    final int max;
    final int[] fresh;
    final int[] freshCount;
    final int[] old;
    final int[] oldCount;

    /**
     * The lists as the round began, reversed: the slots (positions in {@link KnnHeaps#index}) that
     * named point {@code i} are {@code reverseSlot[reverseStart[i], reverseStart[i + 1])}.
     */
    final int[] reverseStart;

    final int[] reverseSlot;

    private NnCandidates(int n, int max, int[][] reverse) {
        this.max = max;
        this.reverseStart = reverse[0];
        this.reverseSlot = reverse[1];
        fresh = new int[n * max];
        freshCount = new int[n];
        old = new int[n * max];
        oldCount = new int[n];
    }

    /** Samples every point's candidates from {@code heaps} for round {@code round}. */
    static NnCandidates build(KnnHeaps heaps, int max, long salt, int round, int block, Parallel par) {
        int n = heaps.size;
        NnCandidates c = new NnCandidates(n, max, reverse(heaps));
        int[] start = c.reverseStart;
        int[] slot = c.reverseSlot;
        int blocks = (n + block - 1) / block;
        par.forEach(blocks, b -> {
            NeighborHeap fresh = new NeighborHeap(max);
            NeighborHeap old = new NeighborHeap(max);
            for (int i = b * block; i < Math.min(n, (b + 1) * block); i++) {
                c.sample(heaps, i, start, slot, fresh, old, salt, round);
            }
        });
        return c;
    }

    private void sample(
            KnnHeaps heaps,
            int i,
            int[] start,
            int[] slot,
            NeighborHeap fresh,
            NeighborHeap old,
            long salt,
            int round) {
        fresh.clear();
        old.clear();
        int cap = heaps.capacity;
        for (int p = i * cap; p < (i + 1) * cap; p++) {
            int j = heaps.index[p];
            if (j >= 0) {
                (heaps.isNew[p] ? fresh : old).offer(priority(salt, round, i, j), j);
            }
        }
        for (int r = start[i]; r < start[i + 1]; r++) {
            int p = slot[r];
            int from = p / cap;
            (heaps.isNew[p] ? fresh : old).offer(priority(salt, round, from, i), from);
        }
        freshCount[i] = sortedDistinct(fresh, this.fresh, i * max);
        oldCount[i] = sortedDistinct(old, this.old, i * max);
    }

    /** Copies the heap's indices to {@code out} from {@code offset}, sorted, repeats dropped; returns how many. */
    private static int sortedDistinct(NeighborHeap heap, int[] out, int offset) {
        int count = heap.copyIndices(out, offset);
        Arrays.sort(out, offset, offset + count);
        int kept = 0;
        for (int s = 0; s < count; s++) {
            if (kept == 0 || out[offset + s] != out[offset + kept - 1]) {
                out[offset + kept++] = out[offset + s];
            }
        }
        return kept;
    }

    /**
     * For each point, where its reverse neighbours' entries are: {@code {start, slot}}, the slots
     * (positions in {@link KnnHeaps#index}) naming point {@code i} at {@code [start[i], start[i + 1])}.
     */
    private static int[][] reverse(KnnHeaps heaps) {
        int n = heaps.size;
        int[] start = new int[n + 1];
        for (int j : heaps.index) {
            if (j >= 0) {
                start[j + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            start[i + 1] += start[i];
        }
        int[] next = Arrays.copyOf(start, n);
        int[] slot = new int[start[n]];
        for (int p = 0; p < heaps.index.length; p++) {
            int j = heaps.index[p];
            if (j >= 0) {
                slot[next[j]++] = p;
            }
        }
        return new int[][] {start, slot};
    }

    /**
     * Clears the new flag of every entry sampled as a new candidate of its own point, so it joins no
     * more rounds as new (the paper's "mark sampled items as old"). Run after {@link #build}, as it
     * changes flags that the sampling of other points reads.
     */
    void markSampled(KnnHeaps heaps, int block, Parallel par) {
        int n = heaps.size;
        int cap = heaps.capacity;
        par.forEach((n + block - 1) / block, b -> {
            for (int i = b * block; i < Math.min(n, (b + 1) * block); i++) {
                for (int p = i * cap; p < (i + 1) * cap; p++) {
                    if (heaps.isNew[p]
                            && Arrays.binarySearch(fresh, i * max, i * max + freshCount[i], heaps.index[p]) >= 0) {
                        heaps.isNew[p] = false;
                    }
                }
            }
        });
    }

    /**
     * Where each point is a candidate: {@code {start, entry}}, point {@code p}'s entries at {@code
     * [start[p], start[p + 1])}, each {@code 2 i + 1} when {@code p} is a new candidate of point
     * {@code i} and {@code 2 i} when an old one, in increasing order.
     */
    int[][] holders() {
        int n = freshCount.length;
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < freshCount[i]; s++) {
                start[fresh[i * max + s] + 1]++;
            }
            for (int s = 0; s < oldCount[i]; s++) {
                start[old[i * max + s] + 1]++;
            }
        }
        for (int p = 0; p < n; p++) {
            start[p + 1] += start[p];
        }
        int[] next = Arrays.copyOf(start, n);
        int[] entry = new int[start[n]];
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < oldCount[i]; s++) {
                entry[next[old[i * max + s]]++] = 2 * i;
            }
            for (int s = 0; s < freshCount[i]; s++) {
                entry[next[fresh[i * max + s]]++] = 2 * i + 1;
            }
        }
        return new int[][] {start, entry};
    }

    /** Total number of new candidates. */
    long freshTotal() {
        long total = 0;
        for (int c : freshCount) {
            total += c;
        }
        return total;
    }

    /** A pseudo-random priority in [0, 1) for the pair {i, j} in round {@code round}, symmetric in i and j. */
    static double priority(long salt, int round, int i, int j) {
        long pair = ((long) Math.min(i, j) << 32) | Math.max(i, j);
        long h = mix(mix(salt + round * 0x9E3779B97F4A7C15L) ^ pair);
        return (h >>> 11) * 0x1.0p-53;
    }

    /** SplitMix64's finaliser: a bijection of longs that scatters nearby inputs. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
