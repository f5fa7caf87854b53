package io.scmap.crawl;

import java.util.Arrays;

/**
 * A map from {@code long} keys to non-negative {@code int} values without boxing: open addressing
 * with linear probing, kept at most half full. Expected O(1) per operation.
 */
final class LongIntMap {
    private static final int ABSENT = -1;

    private long[] keys;
    private int[] values;
    private int size;

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(values, ABSENT);
    }

    /** The value for {@code key}, or -1 when absent. */
    int get(long key) {
        int mask = keys.length - 1;
        for (int slot = slot(key, mask); ; slot = (slot + 1) & mask) {
            if (values[slot] == ABSENT || keys[slot] == key) {
                return values[slot];
            }
        }
    }

    /** Maps {@code key} to {@code value} (which must be >= 0), replacing any previous value. */
    void put(long key, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("value must be >= 0, got " + value);
        }
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int slot = slot(key, mask);
        while (values[slot] != ABSENT && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        if (values[slot] == ABSENT) {
            size++;
        }
        keys[slot] = key;
        values[slot] = value;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldValues.length * 2];
        Arrays.fill(values, ABSENT);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != ABSENT) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int slot(long key, int mask) {
        // Fibonacci hashing spreads sequential ids, which SoundCloud's are, over the table.
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
    }
}
