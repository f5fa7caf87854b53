package io.scmap.matrix;

import java.util.Arrays;

/**
 * Positions of SoundCloud ids in a label list, without boxing: the ids sorted, with their
 * positions alongside, looked up by binary search in O(log n).
 */
final class IdIndex {
    private final long[] sortedIds;
    private final int[] positions;

    /**
     * Indexes {@code ids} by position.
     *
     * @throws IllegalArgumentException if an id occurs twice
     */
    IdIndex(long[] ids) {
        sortedIds = ids.clone();
        Arrays.sort(sortedIds);
        positions = new int[ids.length];
        for (int i = 1; i < sortedIds.length; i++) {
            if (sortedIds[i] == sortedIds[i - 1]) {
                throw new IllegalArgumentException("id " + sortedIds[i] + " occurs twice");
            }
        }
        for (int position = 0; position < ids.length; position++) {
            positions[Arrays.binarySearch(sortedIds, ids[position])] = position;
        }
    }

    /** The position of {@code id}, or -1 when absent. */
    int positionOf(long id) {
        int slot = Arrays.binarySearch(sortedIds, id);
        return slot < 0 ? -1 : positions[slot];
    }
}
