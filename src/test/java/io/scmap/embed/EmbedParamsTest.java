package io.scmap.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmbedParamsTest {
    @Test
    void defaultsReproduceTheReference() {
        EmbedParams p = EmbedParams.DEFAULTS;
        assertThat(p.minTotal()).isEqualTo(40);
        assertThat(p.maxShare()).isEqualTo(0.4);
        assertThat(p.requireMetadata()).isTrue();
        assertThat(p.svdDims()).isEqualTo(100);
        assertThat(p.svdOversamples()).isEqualTo(10);
        assertThat(p.svdPowerIterations()).isEqualTo(5);
        assertThat(p.neighbors()).isEqualTo(100);
        assertThat(p.exactNeighborsUpTo()).isEqualTo(30_000);
        assertThat(p.minDist()).isEqualTo(0.0001);
        assertThat(p.spread()).isEqualTo(1.0);
        assertThat(p.learningRate()).isEqualTo(1.0);
        assertThat(p.negativeSampleRate()).isEqualTo(5);
        assertThat(p.repulsionStrength()).isEqualTo(1.0);
        assertThat(p.seed()).isEqualTo(42);
    }

    @Test
    void automaticEpochsFollowUmapLearn() {
        assertThat(EmbedParams.DEFAULTS.epochsFor(10_000)).isEqualTo(500);
        assertThat(EmbedParams.DEFAULTS.epochsFor(10_001)).isEqualTo(200);
        assertThat(EmbedParams.DEFAULTS.withEpochs(30).epochsFor(50_000)).isEqualTo(30);
    }

    @Test
    void validationNamesTheParameterAndValue() {
        assertThatThrownBy(() -> EmbedParams.DEFAULTS.withMinDist(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("minDist must be >= 0, got -1.0");
        assertThatThrownBy(() -> EmbedParams.DEFAULTS.withNeighbors(1)).hasMessage("neighbors must be >= 2, got 1");
        assertThatThrownBy(() -> EmbedParams.DEFAULTS.withSpread(0)).hasMessage("spread must be > 0, got 0.0");
        assertThatThrownBy(() -> EmbedParams.DEFAULTS.withSvdDims(0)).hasMessage("svdDims must be >= 1, got 0");
        assertThatThrownBy(() -> EmbedParams.DEFAULTS.withMinDist(2))
                .hasMessage("minDist must be <= spread (1.0), got 2.0");
        assertThatThrownBy(() -> EmbedParams.DEFAULTS.withMaxShare(Double.NaN))
                .hasMessage("maxShare must be a number, got NaN");
        assertThatThrownBy(() -> EmbedParams.DEFAULTS.withThreads(-1)).hasMessage("threads must be >= 0, got -1");
        assertThatThrownBy(() -> EmbedParams.DEFAULTS.withExactNeighborsUpTo(-1))
                .hasMessage("exactNeighborsUpTo must be >= 0, got -1");
    }

    @Test
    void neverStricterThanTheReference() {
        assertThat(EmbedParams.DEFAULTS.withMinDist(0).minDist()).isZero();
        assertThat(EmbedParams.DEFAULTS.withMinTotal(-5).minTotal()).isEqualTo(-5);
        assertThat(EmbedParams.DEFAULTS.withLearningRate(0).learningRate()).isZero();
        assertThat(EmbedParams.DEFAULTS.withNegativeSampleRate(0).negativeSampleRate())
                .isZero();
    }

    @Test
    void copiesChangeOneFieldAndMapListsAll() {
        EmbedParams p = EmbedParams.DEFAULTS.withNeighbors(15).withSeed(7).withExactNeighborsUpTo(0);
        assertThat(p.neighbors()).isEqualTo(15);
        assertThat(p.seed()).isEqualTo(7);
        assertThat(p.exactNeighborsUpTo()).isZero();
        assertThat(p.withNeighbors(100).withSeed(42).withExactNeighborsUpTo(30_000))
                .isEqualTo(EmbedParams.DEFAULTS);
        assertThat(p.toMap())
                .hasSize(16)
                .containsEntry("neighbors", 15)
                .containsEntry("exactNeighborsUpTo", 0)
                .containsEntry("minDist", 0.0001)
                .containsEntry("seed", 7L);
        assertThat(p.toMap().keySet())
                .startsWith("minTotal", "maxShare", "requireMetadata")
                .endsWith("threads");
    }
}
