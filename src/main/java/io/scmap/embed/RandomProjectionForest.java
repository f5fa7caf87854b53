package io.scmap.embed;

import java.util.SplittableRandom;

/**
 * Leaves of random projection trees (Dasgupta &amp; Freund 2008, "Random projection trees and low
 * dimensional manifolds"), in the euclidean form pynndescent uses to seed NN-descent: a node with more
 * than {@code leafSize} points picks two of them at random and splits its points by the hyperplane
 * half-way between them, recursively. Points in one leaf are likely near neighbours.
 *
 * <p>Degenerate splits are handled so that many identical rows cannot stall it: a split that leaves a
 * side empty (as when the two points chosen coincide) is retried with another pair, and after
 * {@value #ATTEMPTS} tries the node is cut in half by position.
 *
 * <p>O(trees n dim log(n / leafSize)) time. Each tree draws from its own stream split off the given
 * one before any tree is built, so the leaves do not depend on the number of threads.
 */
final class RandomProjectionForest {
    private static final int ATTEMPTS = 4;

    /** One tree's leaves: point ids grouped by leaf, leaf {@code l} at {@code [start[l], start[l + 1])}. */
    static final class Leaves {
        final int[] points;
        final int[] start;

        Leaves(int[] points, int[] start) {
            this.points = points;
            this.start = start;
        }

        int count() {
            return start.length - 1;
        }
    }

    private RandomProjectionForest() {}

    /** Builds {@code trees} trees over the row-major {@code n x dim} points. */
    static Leaves[] build(double[] x, int n, int dim, int trees, int leafSize, SplittableRandom random, Parallel par) {
        SplittableRandom[] streams = new SplittableRandom[trees];
        for (int t = 0; t < trees; t++) {
            streams[t] = random.split();
        }
        Leaves[] out = new Leaves[trees];
        par.forEach(trees, t -> out[t] = tree(x, n, dim, leafSize, streams[t]));
        return out;
    }

    /**
     * Splits the points until every part fits a leaf, depth first with an explicit stack (one-sided
     * data can make a tree deep), left part first.
     */
    private static Leaves tree(double[] x, int n, int dim, int leafSize, SplittableRandom random) {
        int[] points = new int[n];
        for (int i = 0; i < n; i++) {
            points[i] = i;
        }
        double[] normal = new double[dim];
        IntList bounds = new IntList();
        bounds.add(0);
        IntList stack = new IntList();
        stack.add(n);
        stack.add(0);
        while (stack.size() > 0) {
            int from = stack.pop();
            int to = stack.pop();
            if (to - from <= leafSize) {
                bounds.add(to);
                continue;
            }
            int mid = -1;
            for (int attempt = 0; attempt < ATTEMPTS && mid < 0; attempt++) {
                mid = hyperplaneSplit(x, dim, points, from, to, random, normal);
            }
            if (mid < 0) {
                mid = (from + to) >>> 1;
            }
            stack.add(to);
            stack.add(mid);
            stack.add(mid);
            stack.add(from);
        }
        return new Leaves(points, bounds.toArray());
    }

    /**
     * Partitions {@code points[from, to)} by the hyperplane half-way between two random members
     * (points on it all go to one side, chosen at random); returns the boundary, or -1 when a side
     * would be empty.
     */
    private static int hyperplaneSplit(
            double[] x, int dim, int[] points, int from, int to, SplittableRandom random, double[] normal) {
        int size = to - from;
        int first = random.nextInt(size);
        int second = random.nextInt(size - 1);
        int a = points[from + first];
        int b = points[from + (second >= first ? second + 1 : second)];
        double offset = 0;
        for (int d = 0; d < dim; d++) {
            normal[d] = x[b * dim + d] - x[a * dim + d];
            offset -= normal[d] * (x[a * dim + d] + x[b * dim + d]) / 2;
        }
        boolean tieLeft = random.nextBoolean();
        int lo = from;
        int hi = to - 1;
        while (lo <= hi) {
            int p = points[lo];
            double margin = offset + dot(normal, x, p * dim, dim);
            if (margin < 0 || (margin == 0 && tieLeft)) {
                lo++;
            } else {
                points[lo] = points[hi];
                points[hi--] = p;
            }
        }
        return lo == from || lo == to ? -1 : lo;
    }

    /** The dot product of {@code v} with {@code x[from, from + dim)}, in four interleaved sums. */
    private static double dot(double[] v, double[] x, int from, int dim) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int d = 0;
        for (; d + 4 <= dim; d += 4) {
            s0 += v[d] * x[from + d];
            s1 += v[d + 1] * x[from + d + 1];
            s2 += v[d + 2] * x[from + d + 2];
            s3 += v[d + 3] * x[from + d + 3];
        }
        for (; d < dim; d++) {
            s0 += v[d] * x[from + d];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** A growable int array. */
    static final class IntList {
        private int[] values = new int[16];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int size() {
            return size;
        }

        int pop() {
            return values[--size];
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
