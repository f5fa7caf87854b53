package io.scmap.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpectralSolverTest {
    /** A connected kNN graph of three overlapping blobs. */
    private static FuzzyGraph graph(int n) {
        TestData.Blobs blobs = TestData.blobs(3, n / 3, 5, 1.5, 9);
        double[] flat = new double[n * 5];
        for (int i = 0; i < n; i++) {
            System.arraycopy(blobs.points[i], 0, flat, i * 5, 5);
        }
        try (Parallel par = new Parallel(1)) {
            Neighbors nb = new ExactNeighbors().search(flat, n, 5, 15, par, EmbedListener.NONE);
            return FuzzyGraph.build(nb, par);
        }
    }

    @Test
    void subspaceIterationFindsTheSameEigenvectorsAsTheDenseSolver() {
        FuzzyGraph g = graph(240);
        assertThat(InitialLayout.components(g, new int[g.size])).isEqualTo(1);
        try (Parallel par = new Parallel(2)) {
            SpectralSolver iterative = new SpectralSolver();
            double[] it = iterative.smallestNontrivial(g, 3, new SplittableRandom(1), par, false);
            double[] dense = new SpectralSolver().smallestNontrivial(g, 3, new SplittableRandom(1), par, true);
            assertThat(iterative.report).contains("converged").doesNotContain("not converged");
            assertThat(it).isNotNull();
            assertThat(dense).isNotNull();
            for (int c = 0; c < 2; c++) {
                double dot = 0;
                for (int i = 0; i < g.size; i++) {
                    dot += it[i * 2 + c] * dense[i * 2 + c];
                }
                assertThat(Math.abs(dot)).as("|cos| of vector %d", c).isGreaterThan(0.999);
            }
        }
    }

    @Test
    void eigenvectorsAreOrthogonalToTheTrivialOne() {
        FuzzyGraph g = graph(300);
        try (Parallel par = new Parallel(1)) {
            double[] v = new SpectralSolver().smallestNontrivial(g, 3, new SplittableRandom(2), par, false);
            assertThat(v).isNotNull();
            for (int c = 0; c < 2; c++) {
                double dot = 0;
                for (int i = 0; i < g.size; i++) {
                    double degree = 0;
                    for (int p = g.indptr[i]; p < g.indptr[i + 1]; p++) {
                        degree += g.weights[p];
                    }
                    dot += Math.sqrt(degree) * v[i * 2 + c];
                }
                assertThat(Math.abs(dot)).isLessThan(1e-6);
            }
        }
    }
}
