package io.scmap.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scmap.source.InteractionType;
import org.junit.jupiter.api.Test;

class ParamsTest {

    @Test
    void defaultsReproduceTheReference() {
        assertThat(CrawlParams.DEFAULTS.perType()).isEqualTo(500);
        assertThat(CrawlParams.DEFAULTS.maxAccounts()).isZero();
        assertThat(CrawlParams.DEFAULTS.expand()).isTrue();
        assertThat(CrawlParams.DEFAULTS.maxTracks()).isEqualTo(500);
        assertThat(InteractionWeights.DEFAULTS.of(InteractionType.LIKE)).isEqualTo(1);
        assertThat(InteractionWeights.DEFAULTS.of(InteractionType.COMMENT)).isEqualTo(3);
        assertThat(InteractionWeights.DEFAULTS.of(InteractionType.REPOST)).isEqualTo(3);
        assertThat(InteractionWeights.DEFAULTS.of(InteractionType.FOLLOW)).isEqualTo(3);
        assertThat(CrawlParams.DEFAULTS.toMap())
                .containsEntry("perType", 500)
                .containsEntry("weights", InteractionWeights.DEFAULTS.toMap());
    }

    @Test
    void rejectsBadValuesNamingTheFieldAndValue() {
        assertThatThrownBy(() -> CrawlParams.DEFAULTS.withPerType(-1)).hasMessage("perType must be >= 0, got -1");
        assertThatThrownBy(() -> CrawlParams.DEFAULTS.withMaxTracks(0)).hasMessage("maxTracks must be >= 1, got 0");
        assertThatThrownBy(() -> CrawlParams.DEFAULTS.withMaxAccounts(-2))
                .hasMessageContaining("maxAccounts must be >= 0");
        assertThatThrownBy(() -> InteractionWeights.DEFAULTS.withRepost(-1))
                .hasMessage("repost weight must be a finite number >= 0, got -1.0");
        assertThatThrownBy(() -> InteractionWeights.DEFAULTS.withLike(Double.NaN))
                .hasMessageContaining("like weight");
    }

    @Test
    void scoresCountsInTypeOrder() {
        assertThat(InteractionWeights.DEFAULTS.score(new int[] {2, 1, 0, 1})).isEqualTo(8);
        assertThat(InteractionWeights.DEFAULTS.withFollow(0.5).toArray()).containsExactly(1, 3, 3, 0.5);
    }

    @Test
    void skipReasonsHaveStableCodes() {
        assertThat(SkipReason.NOT_FOUND.code()).isEqualTo("not_found");
        assertThat(SkipReason.ofCode("no_tracks")).isEqualTo(SkipReason.NO_TRACKS);
        assertThat(SkipReason.ofCode("private")).isEqualTo(SkipReason.PRIVATE);
        assertThatThrownBy(() -> SkipReason.ofCode("hidden")).isInstanceOf(IllegalArgumentException.class);
    }
}
