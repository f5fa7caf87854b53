package io.scmap.embed;

import java.util.Arrays;

/**
 * The working neighbour lists of NN-descent: one bounded max-heap of {@code capacity} (squared
 * distance, index) pairs per point, stored flat, each entry with a "new" flag (not yet used in a
 * local join) and the round that inserted it. Empty slots hold index -1 at infinite distance, so a
 * heap is always full and its top is the distance a candidate must beat.
 *
 * <p>Offers are checked: a point already held is not added again, and ties are broken by index. A
 * heap therefore ends up holding the {@code capacity} smallest distinct pairs of everything it held
 * and was offered, in whatever order the offers came; only the heap's internal layout depends on
 * that order, and nothing reads the layout as a sequence.
 */
final class KnnHeaps {
    final int size;
    final int capacity;
    final int[] index;
    final double[] distance;
    final boolean[] isNew;
    final int[] round;

    KnnHeaps(int size, int capacity) {
        this.size = size;
        this.capacity = capacity;
        index = new int[size * capacity];
        distance = new double[size * capacity];
        isNew = new boolean[size * capacity];
        round = new int[size * capacity];
        Arrays.fill(index, -1);
        Arrays.fill(distance, Double.POSITIVE_INFINITY);
    }

    /** The largest squared distance held by point {@code row}'s heap, infinite while a slot is empty. */
    double worst(int row) {
        return distance[row * capacity];
    }

    /** Number of filled slots of point {@code row}. */
    int filled(int row) {
        int count = 0;
        for (int p = row * capacity; p < (row + 1) * capacity; p++) {
            if (index[p] >= 0) {
                count++;
            }
        }
        return count;
    }

    private static boolean greater(double d1, int i1, double d2, int i2) {
        return d1 > d2 || (d1 == d2 && i1 > i2);
    }

    /**
     * Offers point {@code j} at squared distance {@code d} to point {@code row}'s heap, flagged new and
     * stamped with {@code stamp}; returns whether it was taken.
     */
    boolean offer(int row, double d, int j, int stamp) {
        int base = row * capacity;
        if (j == row || !greater(distance[base], index[base], d, j)) {
            return false;
        }
        for (int p = base; p < base + capacity; p++) {
            if (index[p] == j) {
                return false;
            }
        }
        replaceTop(base, d, j, stamp);
        return true;
    }

    /** Puts (d, j), flagged new, in place of the top of the heap at {@code base}, moving larger children up. */
    private void replaceTop(int base, double d, int j, int stamp) {
        int c = 0;
        while (true) {
            int l = 2 * c + 1;
            if (l >= capacity) {
                break;
            }
            int r = l + 1;
            int big = r < capacity && greater(distance[base + r], index[base + r], distance[base + l], index[base + l])
                    ? r
                    : l;
            if (!greater(distance[base + big], index[base + big], d, j)) {
                break;
            }
            move(base + big, base + c);
            c = big;
        }
        distance[base + c] = d;
        index[base + c] = j;
        isNew[base + c] = true;
        round[base + c] = stamp;
    }

    private void move(int from, int to) {
        distance[to] = distance[from];
        index[to] = index[from];
        isNew[to] = isNew[from];
        round[to] = round[from];
    }

    /** Number of entries, over all heaps, inserted with {@code stamp} and still held. */
    long countStamped(int stamp) {
        long count = 0;
        for (int p = 0; p < index.length; p++) {
            if (index[p] >= 0 && round[p] == stamp) {
                count++;
            }
        }
        return count;
    }
}
