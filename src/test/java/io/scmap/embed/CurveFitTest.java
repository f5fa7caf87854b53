package io.scmap.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CurveFitTest {
    @Test
    void reproducesUmapLearnsDocumentedValuesForMinDistPointOne() {
        double[] ab = Embedder.curveParameters(0.1, 1.0);
        // umap-learn documents a = 1.576943460405378, b = 0.8950608781227859 for these settings.
        assertThat(ab[0]).isCloseTo(1.5769, within(0.001));
        assertThat(ab[1]).isCloseTo(0.8951, within(0.001));
    }

    @Test
    void referenceMinDistGivesASteeperCurve() {
        double[] ab = Embedder.curveParameters(0.0001, 1.0);
        System.out.printf("minDist 0.0001, spread 1: a = %.6f, b = %.6f%n", ab[0], ab[1]);
        // umap-learn 0.5.3's find_ab_params(1.0, 0.0001) (scipy curve_fit): 1.9324347511, 0.7905958818
        assertThat(ab[0]).isCloseTo(1.9324348, within(1e-5));
        assertThat(ab[1]).isCloseTo(0.7905959, within(1e-5));
    }

    @Test
    void minDistZeroIsLegalAndFits() {
        double[] ab = Embedder.curveParameters(0.0, 1.0);
        double[] ref = Embedder.curveParameters(0.0001, 1.0);
        assertThat(ab[0]).isCloseTo(ref[0], within(0.01));
        assertThat(ab[1]).isCloseTo(ref[1], within(0.01));
    }

    @Test
    void fittedCurveFollowsTheTarget() {
        double[] ab = Embedder.curveParameters(0.5, 2.0);
        for (double x = 0.05; x < 6; x += 0.25) {
            double target = x < 0.5 ? 1.0 : Math.exp(-(x - 0.5) / 2.0);
            double fitted = 1.0 / (1.0 + ab[0] * Math.pow(x, 2 * ab[1]));
            assertThat(fitted).as("x = %s", x).isCloseTo(target, within(0.12));
        }
    }
}
