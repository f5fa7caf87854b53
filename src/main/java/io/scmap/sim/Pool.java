package io.scmap.sim;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A set of users to draw interaction targets from, each with probability proportional to its weight.
 * Drawing is a binary search over cumulative weights: O(log n) per draw.
 */
final class Pool {
    private final int[] members;
    private final double[] cumulative;

    private Pool(int[] members, double[] cumulative) {
        this.members = members;
        this.cumulative = cumulative;
    }

    /** A pool of the given users (in the given order) with the given per-user weights. */
    static Pool of(int[] members, int count, double[] weightByUser) {
        int[] kept = Arrays.copyOf(members, count);
        double[] cumulative = new double[count];
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += weightByUser[kept[i]];
            cumulative[i] = sum;
        }
        return new Pool(kept, cumulative);
    }

    boolean isEmpty() {
        return members.length == 0;
    }

    int size() {
        return members.length;
    }

    /** One member, drawn with probability proportional to its weight; the pool must not be empty. */
    int draw(SplittableRandom random) {
        double total = cumulative[cumulative.length - 1];
        double x = random.nextDouble() * total;
        int at = Arrays.binarySearch(cumulative, x);
        int index = at >= 0 ? at + 1 : -at - 1;
        return members[Math.min(index, members.length - 1)];
    }
}
