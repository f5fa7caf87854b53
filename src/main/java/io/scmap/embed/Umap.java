package io.scmap.embed;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * UMAP to two dimensions (McInnes, Healy &amp; Melville 2018, "UMAP: Uniform Manifold Approximation and
 * Projection for Dimension Reduction"), as umap-learn's {@code UMAP.fit_transform} with a euclidean
 * metric, as named steps: {@link #neighbors} (by the given {@link NeighborSearch}; umap-learn uses
 * pynndescent beyond 4,096 points), {@link FuzzyGraph#build fuzzy graph}, dropping edges
 * lighter than {@code max / epochs}, {@link CurveFit#fitAb curve parameters}, {@link InitialLayout
 * spectral initialisation}, {@link UmapOptimizer optimisation}.
 *
 * <p>With fewer points than {@code neighbors}, uses {@code n - 1} neighbours as umap-learn does; a
 * single point lands at the origin; a graph without edges keeps its (random) initial layout.
 * Deterministic: same points, parameters and random stream give bit-identical output for any number
 * of threads.
 */
final class Umap {
    private final EmbedParams params;
    private final NeighborSearch search;
    final Map<String, Double> timings = new LinkedHashMap<>();
    final Map<String, Object> diagnostics = new LinkedHashMap<>();

    Umap(EmbedParams params, NeighborSearch search) {
        this.params = params;
        this.search = search;
    }

    /** Embeds the row-major {@code n x dim} points; returns row-major {@code n x 2} coordinates. */
    double[] run(double[] points, int n, int dim, SplittableRandom random, Parallel par, EmbedListener l) {
        SplittableRandom initRandom = random.split();
        SplittableRandom sgdRandom = random.split();
        SplittableRandom knnRandom = random.split();
        if (n <= 1) {
            return new double[2 * n];
        }
        long t0 = System.nanoTime();
        Neighbors nb = neighbors(points, n, dim, knnRandom, par, l);
        long t1 = lap("knn", t0);
        FuzzyGraph graph = FuzzyGraph.build(nb, par);
        int epochs = params.epochsFor(n);
        int defaultEpochs = params.withEpochs(0).epochsFor(n);
        double max = graph.maxWeight();
        FuzzyGraph kept = graph.withoutEdgesBelow(max / (epochs > 10 ? epochs : defaultEpochs));
        double[] ab = CurveFit.fitAb(params.minDist(), params.spread());
        l.progress("graph", 1.0);
        long t2 = lap("graph", t1);
        InitialLayout init = new InitialLayout();
        double[] pos = init.compute(kept, points, dim, initRandom, par);
        l.progress("init", 1.0);
        long t3 = lap("init", t2);
        if (kept.edges() > 0) {
            new UmapOptimizer(kept, ab[0], ab[1], params.repulsionStrength(), params.negativeSampleRate())
                    .optimize(pos, epochs, params.learningRate(), sgdRandom, par, l);
        }
        l.progress("optimize", 1.0);
        lap("optimize", t3);
        diagnostics.put("neighbors", nb.k());
        diagnostics.putAll(search.report());
        diagnostics.put("edges", graph.edges());
        diagnostics.put("edgesOptimized", kept.edges());
        diagnostics.put("epochs", epochs);
        diagnostics.put("a", ab[0]);
        diagnostics.put("b", ab[1]);
        diagnostics.put("init", init.method);
        diagnostics.put("components", init.components);
        return pos;
    }

    /** Step 1: k nearest neighbours, the point itself first ({@code min(neighbors, n - 1)} when few points). */
    Neighbors neighbors(double[] points, int n, int dim, SplittableRandom random, Parallel par, EmbedListener l) {
        int k = n > params.neighbors() ? params.neighbors() : n - 1;
        return search.search(points, n, dim, Math.max(1, k), random, par, l);
    }

    private long lap(String step, long since) {
        long now = System.nanoTime();
        timings.put(step, (now - since) / 1e9);
        return now;
    }
}
