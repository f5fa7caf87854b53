package io.scmap.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OfficialApiConfigTest {
    private static final String SECRET = "very-private-secret-42";
    private static final OfficialApiConfig CONFIG = OfficialApiConfig.of("app-id", SECRET);

    @Test
    void defaultsPointAtTheRealService() {
        assertThat(CONFIG.apiBase()).isEqualTo(URI.create("https://api.soundcloud.com"));
        assertThat(CONFIG.tokenUri()).isEqualTo(URI.create("https://secure.soundcloud.com/oauth/token"));
        assertThat(CONFIG.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(CONFIG.maxRetries()).isEqualTo(6);
        assertThat(CONFIG.maxPages()).isEqualTo(100);
        assertThat(CONFIG.rate()).isEqualTo(1.0);
    }

    @Test
    void toMapAndToStringRedactTheSecret() {
        Map<String, Object> map = CONFIG.toMap();
        assertThat(map.keySet())
                .containsExactly(
                        "apiBase",
                        "tokenUri",
                        "clientId",
                        "clientSecret",
                        "timeout",
                        "maxRetries",
                        "initialBackoff",
                        "maxBackoff",
                        "maxPages",
                        "seed",
                        "rate");
        assertThat(map)
                .containsEntry("rate", 1.0)
                .containsEntry("clientSecret", OfficialApiConfig.REDACTED)
                .containsEntry("clientId", "app-id");
        assertThat(map.toString()).doesNotContain(SECRET);
        assertThat(CONFIG.toString()).doesNotContain(SECRET).contains("app-id");
        assertThat(CONFIG.withRate(0).toMap()).containsEntry("rate", "unlimited");
    }

    @Test
    void validationNamesTheFieldAndValue() {
        assertThatThrownBy(() -> CONFIG.withTimeout(Duration.ZERO)).hasMessage("timeout must be > 0, got PT0S");
        assertThatThrownBy(() -> CONFIG.withMaxRetries(-1)).hasMessage("maxRetries must be >= 0, got -1");
        assertThatThrownBy(() -> CONFIG.withMaxPages(0)).hasMessage("maxPages must be >= 1, got 0");
        assertThatThrownBy(() -> CONFIG.withMaxBackoff(Duration.ofMillis(1)))
                .hasMessage("maxBackoff must be >= initialBackoff (PT1S), got PT0.001S");
        assertThatThrownBy(() -> CONFIG.withApiBase(URI.create("ftp://x")))
                .hasMessageStartingWith("apiBase must be an absolute http(s) URI");
        assertThatThrownBy(() -> CONFIG.withTokenUri(URI.create("https://x/token?a=1")))
                .hasMessageStartingWith("tokenUri must be");
        assertThatThrownBy(() -> CONFIG.withClientId(" id ")).hasMessageContaining("clientId must be");
        assertThatThrownBy(() -> CONFIG.withRate(-2))
                .hasMessage("rate must be >= 0 requests per second (0 or Infinity: unlimited), got -2.0");
    }

    @Test
    void aBadSecretIsNotEchoed() {
        assertThatThrownBy(() -> CONFIG.withClientSecret("   "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("clientSecret must not be blank (value not shown)");
    }

    @Test
    void withCopiersChangeOneField() {
        OfficialApiConfig changed = CONFIG.withSeed(9).withMaxPages(3).withClientSecret("other");
        assertThat(changed.seed()).isEqualTo(9);
        assertThat(changed.maxPages()).isEqualTo(3);
        assertThat(changed.clientSecret()).isEqualTo("other");
        assertThat(changed.clientId()).isEqualTo(CONFIG.clientId());
        assertThat(changed.apiBase()).isEqualTo(CONFIG.apiBase());
    }

    @Test
    void readsCredentialsFromTheEnvironment() {
        OfficialApiConfig config = OfficialApiConfig.fromEnvironment(
                Map.of("SCMAP_CLIENT_ID", "env-id", "SCMAP_CLIENT_SECRET", " env-secret "));
        assertThat(List.of(config.clientId(), config.clientSecret())).containsExactly("env-id", "env-secret");
        assertThatThrownBy(() -> OfficialApiConfig.fromEnvironment(Map.of("SCMAP_CLIENT_SECRET", "x")))
                .hasMessageContaining("SCMAP_CLIENT_ID");
        assertThatThrownBy(() -> OfficialApiConfig.fromEnvironment(Map.of("SCMAP_CLIENT_ID", "x")))
                .hasMessageContaining("SCMAP_CLIENT_SECRET");
    }

    @Test
    void theFactoryBuildsAClientThatListsOnlyLikesAndFollowings() {
        try (SoundCloudClient client = SoundCloud.officialApi(CONFIG)) {
            assertThat(client.supportedTypes()).containsExactlyInAnyOrder(InteractionType.LIKE, InteractionType.FOLLOW);
            assertThat(client.requestCount()).isZero();
        }
    }
}
