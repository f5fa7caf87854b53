package io.scmap.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SimParamsTest {

    @Test
    void defaultsDescribeTheDemoWorld() {
        SimParams d = SimParams.DEFAULTS;
        assertThat(d.artists()).isEqualTo(3000);
        assertThat(d.scenes()).isEqualTo(12);
        assertThat(d.seed()).isEqualTo(42L);
        assertThat(d.errorRate()).isZero();
        assertThat(d.listeners()).isEqualTo(1000);
        assertThat(d.hydration()).isTrue();
        assertThat(d.sceneAffinity()).isEqualTo(0.8);
    }

    @Test
    void rejectsBadValuesNamingFieldAndValue() {
        assertThatThrownBy(() -> SimParams.DEFAULTS.withArtists(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("artists must be >= 1, got 0");
        assertThatThrownBy(() -> SimParams.DEFAULTS.withScenes(0))
                .hasMessageContaining("scenes")
                .hasMessageContaining("got 0");
        assertThatThrownBy(() -> SimParams.DEFAULTS.withScenes(10_001))
                .hasMessage("scenes must be in [1, 10000], got 10001");
        assertThat(SimParams.DEFAULTS.withArtists(5).scenes()).isEqualTo(12);
        assertThatThrownBy(() -> SimParams.DEFAULTS.withErrorRate(1.5))
                .hasMessage("errorRate must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> SimParams.DEFAULTS.withErrorRate(Double.NaN)).hasMessageContaining("errorRate");
        assertThatThrownBy(() -> SimParams.DEFAULTS.withListenerRatio(-0.1)).hasMessageContaining("listenerRatio");
        assertThatThrownBy(() -> SimParams.DEFAULTS.withSceneAffinity(2)).hasMessageContaining("sceneAffinity");
        assertThatThrownBy(() -> SimParams.DEFAULTS.withPopularityExponent(-1))
                .hasMessageContaining("popularityExponent");
        assertThatThrownBy(() -> SimParams.DEFAULTS.withMedianActivity(0)).hasMessageContaining("medianActivity");
        assertThatThrownBy(() -> SimParams.DEFAULTS.withDeletedRate(1.0)).hasMessageContaining("deletedRate");
        assertThatThrownBy(() -> SimParams.DEFAULTS.withNoTrackRate(-0.5)).hasMessageContaining("noTrackRate");
        assertThatThrownBy(() -> SimParams.DEFAULTS.withPrivateShare(1.0))
                .hasMessage("privateShare must be in [0, 1), got 1.0");
    }

    @Test
    void copiersChangeOnlyTheirField() {
        SimParams p = SimParams.DEFAULTS
                .withArtists(500)
                .withScenes(7)
                .withSeed(9)
                .withErrorRate(0.25)
                .withListenerRatio(0.5)
                .withHydration(false)
                .withSceneAffinity(0.6)
                .withPopularityExponent(1.0)
                .withMedianActivity(100)
                .withDeletedRate(0.1)
                .withNoTrackRate(0.2)
                .withPrivateShare(0.05);
        assertThat(p)
                .isEqualTo(new SimParams(500, 7, 9, 0.25, 0.5, false, 0.6, 1.0, 100, 0.1, 0.2, 0.05))
                .isNotEqualTo(SimParams.DEFAULTS);
        assertThat(p.listeners()).isEqualTo(250);
    }

    @Test
    void mapListsEveryParameterInOrder() {
        assertThat(SimParams.DEFAULTS.toMap())
                .containsExactly(
                        org.assertj.core.api.Assertions.entry("artists", 3000),
                        org.assertj.core.api.Assertions.entry("scenes", 12),
                        org.assertj.core.api.Assertions.entry("seed", 42L),
                        org.assertj.core.api.Assertions.entry("errorRate", 0.0),
                        org.assertj.core.api.Assertions.entry("listenerRatio", 1.0 / 3.0),
                        org.assertj.core.api.Assertions.entry("hydration", true),
                        org.assertj.core.api.Assertions.entry("sceneAffinity", 0.8),
                        org.assertj.core.api.Assertions.entry("popularityExponent", 0.6),
                        org.assertj.core.api.Assertions.entry("medianActivity", 150),
                        org.assertj.core.api.Assertions.entry("deletedRate", 0.02),
                        org.assertj.core.api.Assertions.entry("noTrackRate", 0.03),
                        org.assertj.core.api.Assertions.entry("privateShare", 0.0));
    }
}
