package io.scmap.cluster;

import java.util.Arrays;

/**
 * Builds the minimum spanning tree of the mutual reachability graph with Borůvka's algorithm over a k-d
 * tree, without materialising the n² distances (McInnes and Healy 2017, "Accelerated Hierarchical Density
 * Clustering", section 3).
 *
 * <p>The mutual reachability distance of points a and b is {@code max(core(a), core(b), d(a, b))}
 * (Campello, Moulavi and Sander 2013). Steps of each Borůvka round:
 *
 * <ol>
 *   <li><b>label components</b>: every point and every k-d node learns its component (a node whose points
 *       all share one component is skipped wholesale when searching from that component);
 *   <li><b>find each component's lightest outgoing edge</b>: one single-tree search per point, pruning a
 *       node when the lower bound {@code max(core(a), min core in node, box distance)} cannot beat the
 *       component's best edge so far, and skipping a point whose own core distance already cannot;
 *   <li><b>merge</b> along those edges.
 * </ol>
 *
 * Components at least halve each round, so there are at most log₂ n rounds. Ties are broken by the
 * strict order of {@link SpanningTree#precedes}, which keeps the chosen edges acyclic and makes the result
 * the unique minimum spanning tree under that order: deterministic and independent of the tree's shape.
 * The paper's dual-tree traversal is replaced by per-point single-tree searches, which are simpler and
 * fast enough in two dimensions (about O(n log² n) in practice). Work is on squared distances.
 */
final class BoruvkaSpanningTree {
    private final KdTree tree;
    /** Squared core distance by tree position. */
    private final double[] core;

    private final double[] nodeMinCore;
    private final int[] nodeMinIndex;
    private final int[] nodeComponent;
    /** Component (a union-find root, as a tree position) by tree position, refreshed each round. */
    private final int[] component;

    private final UnionFind components;
    private final double[] bestWeight;
    private final int[] bestLow;
    private final int[] bestHigh;
    private final int[] bestFrom;
    private final int[] bestTo;

    private BoruvkaSpanningTree(KdTree tree, double[] coreSquaredByIndex) {
        this.tree = tree;
        int n = tree.size;
        core = new double[n];
        for (int p = 0; p < n; p++) {
            core[p] = coreSquaredByIndex[tree.index[p]];
        }
        nodeMinCore = new double[tree.nodeCount];
        nodeMinIndex = new int[tree.nodeCount];
        nodeComponent = new int[tree.nodeCount];
        component = new int[n];
        components = new UnionFind(n);
        bestWeight = new double[n];
        bestLow = new int[n];
        bestHigh = new int[n];
        bestFrom = new int[n];
        bestTo = new int[n];
        summariseNodes();
    }

    /**
     * The minimum spanning tree of the mutual reachability graph of the tree's points.
     *
     * @param coreSquared squared core distance of each point, by original index
     */
    static SpanningTree build(KdTree tree, double[] coreSquared) {
        return new BoruvkaSpanningTree(tree, coreSquared).run();
    }

    private SpanningTree run() {
        int n = tree.size;
        SpanningTree result = new SpanningTree(n);
        int remaining = n;
        while (remaining > 1) {
            labelComponents();
            findLightestEdges();
            int merged = merge(result);
            if (merged == 0) {
                throw new IllegalStateException("Borůvka round merged nothing with " + remaining + " components");
            }
            remaining -= merged;
        }
        return result;
    }

    /** Per node, the smallest core distance and original index inside it; fixed for the whole run. */
    private void summariseNodes() {
        // Children have larger ids than their parent, so a reverse sweep sees children first.
        for (int node = tree.nodeCount - 1; node >= 0; node--) {
            if (tree.left[node] < 0) {
                double minCore = Double.POSITIVE_INFINITY;
                int minIndex = Integer.MAX_VALUE;
                for (int p = tree.start[node]; p < tree.end[node]; p++) {
                    minCore = Math.min(minCore, core[p]);
                    minIndex = Math.min(minIndex, tree.index[p]);
                }
                nodeMinCore[node] = minCore;
                nodeMinIndex[node] = minIndex;
            } else {
                int l = tree.left[node];
                int r = tree.right[node];
                nodeMinCore[node] = Math.min(nodeMinCore[l], nodeMinCore[r]);
                nodeMinIndex[node] = Math.min(nodeMinIndex[l], nodeMinIndex[r]);
            }
        }
    }

    private void labelComponents() {
        for (int p = 0; p < tree.size; p++) {
            component[p] = components.find(p);
        }
        for (int node = tree.nodeCount - 1; node >= 0; node--) {
            if (tree.left[node] < 0) {
                int c = component[tree.start[node]];
                for (int p = tree.start[node] + 1; p < tree.end[node] && c >= 0; p++) {
                    if (component[p] != c) {
                        c = -1;
                    }
                }
                nodeComponent[node] = c;
            } else {
                int c = nodeComponent[tree.left[node]];
                nodeComponent[node] = c == nodeComponent[tree.right[node]] ? c : -1;
            }
        }
    }

    private void findLightestEdges() {
        Arrays.fill(bestWeight, Double.POSITIVE_INFINITY);
        Arrays.fill(bestLow, Integer.MAX_VALUE);
        Arrays.fill(bestHigh, Integer.MAX_VALUE);
        for (int p = 0; p < tree.size; p++) {
            int c = component[p];
            // Every edge from p weighs at least core(p); its endpoints could be any pair.
            if (precedesBest(c, core[p], -1, -1)) {
                search(0, p, c);
            }
        }
    }

    private void search(int node, int p, int c) {
        if (nodeComponent[node] == c) {
            return;
        }
        double bound = Math.max(Math.max(core[p], nodeMinCore[node]), tree.boxDistanceSquared(node, p));
        int a = tree.index[p];
        int m = nodeMinIndex[node];
        // Any pair (a, b) with b >= m is at least (min(a, m), max(a, m)) in the pair order.
        if (!precedesBest(c, bound, Math.min(a, m), Math.max(a, m))) {
            return;
        }
        if (tree.left[node] < 0) {
            scanLeaf(node, p, c);
            return;
        }
        int l = tree.left[node];
        int r = tree.right[node];
        if (tree.boxDistanceSquared(l, p) <= tree.boxDistanceSquared(r, p)) {
            search(l, p, c);
            search(r, p, c);
        } else {
            search(r, p, c);
            search(l, p, c);
        }
    }

    private void scanLeaf(int node, int p, int c) {
        int a = tree.index[p];
        for (int q = tree.start[node]; q < tree.end[node]; q++) {
            if (component[q] == c) {
                continue;
            }
            double weight = Math.max(Math.max(core[p], core[q]), tree.distanceSquared(p, q));
            int b = tree.index[q];
            int low = Math.min(a, b);
            int high = Math.max(a, b);
            if (SpanningTree.precedes(weight, low, high, bestWeight[c], bestLow[c], bestHigh[c])) {
                bestWeight[c] = weight;
                bestLow[c] = low;
                bestHigh[c] = high;
                bestFrom[c] = p;
                bestTo[c] = q;
            }
        }
    }

    /** Whether edge (weight, low, high) precedes component {@code c}'s best edge so far. */
    private boolean precedesBest(int c, double weight, int low, int high) {
        return SpanningTree.precedes(weight, low, high, bestWeight[c], bestLow[c], bestHigh[c]);
    }

    private int merge(SpanningTree result) {
        int merged = 0;
        for (int c = 0; c < tree.size; c++) {
            if (component[c] != c || bestLow[c] == Integer.MAX_VALUE) {
                continue;
            }
            int p = bestFrom[c];
            int q = bestTo[c];
            if (components.union(p, q)) {
                result.add(tree.index[p], tree.index[q], bestWeight[c]);
                merged++;
            }
        }
        return merged;
    }
}
