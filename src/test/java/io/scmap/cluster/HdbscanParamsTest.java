package io.scmap.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HdbscanParamsTest {
    @Test
    void defaultsAreTheReferenceCall() {
        assertThat(HdbscanParams.DEFAULTS).isEqualTo(new HdbscanParams(10, 4, 0.09, false));
        assertThat(HdbscanParams.DEFAULTS.toMap())
                .containsExactly(
                        java.util.Map.entry("minClusterSize", 10),
                        java.util.Map.entry("minSamples", 4),
                        java.util.Map.entry("clusterSelectionEpsilon", 0.09),
                        java.util.Map.entry("allowSingleCluster", false),
                        java.util.Map.entry("clusterSelectionMethod", "eom"),
                        java.util.Map.entry("metric", "euclidean"));
    }

    @Test
    void rejectionsNameTheParameterAndValue() {
        assertThatThrownBy(() -> HdbscanParams.DEFAULTS.withMinClusterSize(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("minClusterSize must be >= 2, got 1");
        assertThatThrownBy(() -> HdbscanParams.DEFAULTS.withMinSamples(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("minSamples must be >= 1, got 0");
        assertThatThrownBy(() -> HdbscanParams.DEFAULTS.withClusterSelectionEpsilon(-0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("clusterSelectionEpsilon must be >= 0, got -0.5");
        assertThatThrownBy(() -> HdbscanParams.DEFAULTS.withClusterSelectionEpsilon(Double.NaN))
                .hasMessage("clusterSelectionEpsilon must be >= 0, got NaN");
    }

    @Test
    void acceptsEverythingTheLibraryAccepts() {
        HdbscanParams p = HdbscanParams.DEFAULTS
                .withMinClusterSize(2)
                .withMinSamples(1)
                .withClusterSelectionEpsilon(0)
                .withAllowSingleCluster(true);
        assertThat(p).isEqualTo(new HdbscanParams(2, 1, 0.0, true));
        assertThat(p.withClusterSelectionEpsilon(Double.POSITIVE_INFINITY).clusterSelectionEpsilon())
                .isInfinite();
    }
}
