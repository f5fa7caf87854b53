package io.scmap.cluster;

/**
 * A static k-d tree over n points in d dimensions with exact k-nearest-neighbour queries.
 *
 * <p>Build: each node splits its points at the median of its widest bounding-box dimension (three-way
 * quickselect, so runs of equal coordinates cost nothing extra) until at most {@link #LEAF_SIZE} remain;
 * O(n log n). Points are copied into tree order so a leaf scans contiguous memory. Queries visit the
 * nearer child first and skip a node when its box is farther than the current k-th neighbour; about O(k
 * log n) per query in low dimensions. Distances are squared euclidean, computed by {@link #distanceSquared}
 * everywhere, so results are exact and ties are broken by the smaller original index. Deterministic.
 */
final class KdTree {
    static final int LEAF_SIZE = 16;

    final int size;
    final int dim;
    /** Coordinates in tree order: point at tree position p occupies {@code [p*dim, p*dim+dim)}. */
    final double[] points;
    /** Original index of the point at each tree position. */
    final int[] index;
    /** Tree position of each original index. */
    final int[] position;

    final int[] start;
    final int[] end;
    /** Left child, or -1 for a leaf; the right child is {@link #right}. */
    final int[] left;

    final int[] right;
    /** Node bounding boxes: node i spans {@code [i*dim, i*dim+dim)} of {@link #low} and {@link #high}. */
    final double[] low;

    final double[] high;
    int nodeCount;

    /** Builds the tree over {@code coordinates}, n points of {@code dim} values each, row by row. */
    KdTree(double[] coordinates, int dim) {
        this.dim = dim;
        this.size = coordinates.length / dim;
        this.points = new double[size * dim];
        this.index = new int[size];
        this.position = new int[size];
        int maxNodes = 4 * (size / LEAF_SIZE + 1) + 1;
        start = new int[maxNodes];
        end = new int[maxNodes];
        left = new int[maxNodes];
        right = new int[maxNodes];
        low = new double[maxNodes * dim];
        high = new double[maxNodes * dim];
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        if (size > 0) {
            build(coordinates, order, 0, size);
        }
        for (int p = 0; p < size; p++) {
            index[p] = order[p];
            position[order[p]] = p;
            System.arraycopy(coordinates, order[p] * dim, points, p * dim, dim);
        }
    }

    /** Builds the subtree over {@code order[from, to)} and returns its node id. */
    private int build(double[] coordinates, int[] order, int from, int to) {
        int node = nodeCount++;
        start[node] = from;
        end[node] = to;
        left[node] = -1;
        right[node] = -1;
        int split = computeBounds(coordinates, order, node);
        if (to - from > LEAF_SIZE) {
            int mid = (from + to) >>> 1;
            select(coordinates, order, from, to, mid, split);
            left[node] = build(coordinates, order, from, mid);
            right[node] = build(coordinates, order, mid, to);
        }
        return node;
    }

    /** Sets the node's bounding box and returns its widest dimension. */
    private int computeBounds(double[] coordinates, int[] order, int node) {
        int widest = 0;
        double widestSpan = -1;
        for (int k = 0; k < dim; k++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = start[node]; i < end[node]; i++) {
                double v = coordinates[order[i] * dim + k];
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            low[node * dim + k] = lo;
            high[node * dim + k] = hi;
            if (hi - lo > widestSpan) {
                widestSpan = hi - lo;
                widest = k;
            }
        }
        return widest;
    }

    /** Rearranges {@code order[from, to)} so that position {@code nth} holds its median along {@code axis}. */
    private void select(double[] coordinates, int[] order, int from, int to, int nth, int axis) {
        int lo = from;
        int hi = to - 1;
        while (lo < hi) {
            double pivot = coordinates[order[(lo + hi) >>> 1] * dim + axis];
            // Three-way partition: [lo, lt) < pivot, [lt, gt] == pivot, (gt, hi] > pivot.
            int lt = lo;
            int gt = hi;
            int i = lo;
            while (i <= gt) {
                double v = coordinates[order[i] * dim + axis];
                if (v < pivot) {
                    swap(order, lt++, i++);
                } else if (v > pivot) {
                    swap(order, i, gt--);
                } else {
                    i++;
                }
            }
            if (nth < lt) {
                hi = lt - 1;
            } else if (nth > gt) {
                lo = gt + 1;
            } else {
                return;
            }
        }
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    /** Squared euclidean distance between tree positions {@code p} and {@code q}. */
    double distanceSquared(int p, int q) {
        double sum = 0;
        int a = p * dim;
        int b = q * dim;
        for (int k = 0; k < dim; k++) {
            double delta = points[a + k] - points[b + k];
            sum += delta * delta;
        }
        return sum;
    }

    /** Squared distance from tree position {@code p} to the box of {@code node}; never above a member's. */
    double boxDistanceSquared(int node, int p) {
        double sum = 0;
        int a = p * dim;
        int b = node * dim;
        for (int k = 0; k < dim; k++) {
            double v = points[a + k];
            double delta;
            if (v < low[b + k]) {
                delta = low[b + k] - v;
            } else if (v > high[b + k]) {
                delta = v - high[b + k];
            } else {
                continue;
            }
            sum += delta * delta;
        }
        return sum;
    }

    /**
     * Fills {@code heap} with the nearest points to original point {@code query}, optionally leaving the
     * query itself out. The heap's capacity is k.
     */
    void nearest(int query, boolean includeSelf, NeighbourHeap heap) {
        if (size > 0) {
            search(0, position[query], includeSelf ? -1 : query, heap);
        }
    }

    private void search(int node, int p, int excluded, NeighbourHeap heap) {
        if (left[node] < 0) {
            for (int q = start[node]; q < end[node]; q++) {
                if (index[q] != excluded) {
                    heap.offer(distanceSquared(p, q), index[q]);
                }
            }
            return;
        }
        double toLeft = boxDistanceSquared(left[node], p);
        double toRight = boxDistanceSquared(right[node], p);
        int first = toLeft <= toRight ? left[node] : right[node];
        int second = first == left[node] ? right[node] : left[node];
        double firstDistance = Math.min(toLeft, toRight);
        double secondDistance = Math.max(toLeft, toRight);
        if (heap.mayAccept(firstDistance)) {
            search(first, p, excluded, heap);
        }
        if (heap.mayAccept(secondDistance)) {
            search(second, p, excluded, heap);
        }
    }

    /**
     * A bounded max-heap of (squared distance, original index) pairs ordered by distance then index, so it
     * keeps the k smallest pairs. A heap made for distances only keeps the k smallest distances and may
     * hold any of the points tied at the k-th; it prunes far more among duplicated points.
     */
    static final class NeighbourHeap {
        private final double[] distance;
        private final int[] id;
        private final boolean distancesOnly;
        private int count;

        NeighbourHeap(int capacity, boolean distancesOnly) {
            distance = new double[capacity];
            id = new int[capacity];
            this.distancesOnly = distancesOnly;
        }

        void clear() {
            count = 0;
        }

        int count() {
            return count;
        }

        /** Whether a point at this squared distance could still enter (ties may win on index). */
        boolean mayAccept(double d) {
            return count < distance.length || d < distance[0] || (d == distance[0] && !distancesOnly);
        }

        void offer(double d, int i) {
            if (count < distance.length) {
                distance[count] = d;
                id[count] = i;
                siftUp(count++);
            } else if (distance.length > 0 && mayAccept(d) && less(d, i, distance[0], id[0])) {
                distance[0] = d;
                id[0] = i;
                siftDown(0);
            }
        }

        /** The largest squared distance held; the heap must be full. */
        double worst() {
            return distance[0];
        }

        /** Empties the heap into ascending (distance, index) order, returning the indices. */
        int[] drainSorted(double[] distancesOut) {
            int[] result = new int[count];
            for (int k = count - 1; k >= 0; k--) {
                result[k] = id[0];
                distancesOut[k] = distance[0];
                count--;
                distance[0] = distance[count];
                id[0] = id[count];
                siftDown(0);
            }
            return result;
        }

        private static boolean less(double d1, int i1, double d2, int i2) {
            return d1 < d2 || (d1 == d2 && i1 < i2);
        }

        private void siftUp(int k) {
            while (k > 0) {
                int parent = (k - 1) / 2;
                if (!less(distance[parent], id[parent], distance[k], id[k])) {
                    return;
                }
                swapEntries(parent, k);
                k = parent;
            }
        }

        private void siftDown(int k) {
            while (true) {
                int largest = k;
                for (int c = 2 * k + 1; c <= 2 * k + 2 && c < count; c++) {
                    if (less(distance[largest], id[largest], distance[c], id[c])) {
                        largest = c;
                    }
                }
                if (largest == k) {
                    return;
                }
                swapEntries(largest, k);
                k = largest;
            }
        }

        private void swapEntries(int a, int b) {
            double d = distance[a];
            distance[a] = distance[b];
            distance[b] = d;
            int i = id[a];
            id[a] = id[b];
            id[b] = i;
        }
    }
}
