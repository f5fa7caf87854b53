package io.scmap.cluster;

/** Exact k-nearest-other-neighbour lists for every point of a k-d tree; see {@link KdTree}. */
final class NeighbourFinder {
    private NeighbourFinder() {}

    /** For each original index, its {@code k} nearest other points, nearest first, ties by index. */
    static int[][] nearest(KdTree tree, int k) {
        int[][] result = new int[tree.size][];
        KdTree.NeighbourHeap heap = new KdTree.NeighbourHeap(k, false);
        double[] distances = new double[k];
        for (int i = 0; i < tree.size; i++) {
            heap.clear();
            if (k > 0) {
                tree.nearest(i, false, heap);
            }
            result[i] = heap.drainSorted(distances);
        }
        return result;
    }
}
