package io.scmap.embed;

/**
 * A bounded max-heap of (squared distance, index) pairs keeping the smallest ones, the largest pair
 * (by distance, then index) on top, so that ties are broken by index whatever the order of offers.
 */
final class NeighborHeap {
    private final double[] dist;
    private final int[] idx;
    private int size;

    NeighborHeap(int capacity) {
        dist = new double[capacity];
        idx = new int[capacity];
    }

    void clear() {
        size = 0;
    }

    boolean isFull() {
        return size == dist.length;
    }

    /** The largest squared distance held; only when not empty. */
    double worst() {
        return dist[0];
    }

    private boolean greater(double d1, int i1, double d2, int i2) {
        return d1 > d2 || (d1 == d2 && i1 > i2);
    }

    void offer(double d, int i) {
        if (size < dist.length) {
            int c = size++;
            while (c > 0) {
                int p = (c - 1) >> 1;
                if (!greater(d, i, dist[p], idx[p])) {
                    break;
                }
                dist[c] = dist[p];
                idx[c] = idx[p];
                c = p;
            }
            dist[c] = d;
            idx[c] = i;
        } else if (size > 0 && greater(dist[0], idx[0], d, i)) {
            siftDown(d, i);
        }
    }

    private void siftDown(double d, int i) {
        int c = 0;
        while (true) {
            int l = 2 * c + 1;
            if (l >= size) {
                break;
            }
            int r = l + 1;
            int big = r < size && greater(dist[r], idx[r], dist[l], idx[l]) ? r : l;
            if (!greater(dist[big], idx[big], d, i)) {
                break;
            }
            dist[c] = dist[big];
            idx[c] = idx[big];
            c = big;
        }
        dist[c] = d;
        idx[c] = i;
    }

    /** Copies the indices held, in heap order, to {@code out} from {@code offset}; returns how many. */
    int copyIndices(int[] out, int offset) {
        System.arraycopy(idx, 0, out, offset, size);
        return size;
    }

    /** Writes the query itself, then the heap's content by increasing distance, as row {@code q}. */
    void writeSorted(int q, int k, int[] indices, double[] distances) {
        int base = q * k;
        indices[base] = q;
        distances[base] = 0;
        int count = size;
        for (int pos = count; pos >= 1; pos--) {
            indices[base + pos] = idx[0];
            distances[base + pos] = Math.sqrt(dist[0]);
            double lastD = dist[size - 1];
            int lastI = idx[size - 1];
            size--;
            if (size > 0) {
                siftDown(lastD, lastI);
            }
        }
    }
}
