package io.scmap.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebApiConfigTest {

    @Test
    void defaultsTalkToTheRealSiteWithTheBriefedBackoff() {
        WebApiConfig d = WebApiConfig.DEFAULTS;
        assertThat(d.apiBase()).isEqualTo(URI.create("https://api-v2.soundcloud.com"));
        assertThat(d.webBase()).isEqualTo(URI.create("https://soundcloud.com"));
        assertThat(d.clientId()).isNull();
        assertThat(d.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(d.maxRetries()).isEqualTo(6);
        assertThat(d.initialBackoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(d.maxBackoff()).isEqualTo(Duration.ofSeconds(60));
        assertThat(d.maxPages()).isEqualTo(100);
        assertThat(d.rate()).isEqualTo(1.0);
        assertThat(d.isRateLimited()).isTrue();
    }

    @Test
    void copiersChangeOnlyTheirField() {
        WebApiConfig changed = WebApiConfig.DEFAULTS
                .withApiBase(URI.create("http://127.0.0.1:1/api"))
                .withWebBase(URI.create("http://127.0.0.1:2"))
                .withClientId("abc")
                .withTimeout(Duration.ofSeconds(2))
                .withMaxRetries(0)
                .withInitialBackoff(Duration.ZERO)
                .withMaxBackoff(Duration.ofMillis(5))
                .withMaxPages(3)
                .withSeed(99)
                .withRate(2.5);
        assertThat(changed)
                .isEqualTo(new WebApiConfig(
                        URI.create("http://127.0.0.1:1/api"),
                        URI.create("http://127.0.0.1:2"),
                        "abc",
                        Duration.ofSeconds(2),
                        0,
                        Duration.ZERO,
                        Duration.ofMillis(5),
                        3,
                        99,
                        2.5,
                        Transport.HTTP,
                        null,
                        null));
        assertThat(changed.withClientId(null).clientId()).isNull();
    }

    @Test
    void toMapListsEverySettingInOrder() {
        assertThat(WebApiConfig.DEFAULTS.toMap())
                .containsExactly(
                        entry("apiBase", "https://api-v2.soundcloud.com"),
                        entry("webBase", "https://soundcloud.com"),
                        entry("clientId", "discover"),
                        entry("timeout", "PT30S"),
                        entry("maxRetries", 6),
                        entry("initialBackoff", "PT1S"),
                        entry("maxBackoff", "PT1M"),
                        entry("maxPages", 100),
                        entry("seed", 0L),
                        entry("rate", 1.0),
                        entry("transport", "http"));
    }

    @Test
    void theBrowserTransportIsChosenWithItsExecutablesAndListedInTheManifest() {
        assertThat(WebApiConfig.DEFAULTS.transport()).isEqualTo(Transport.HTTP);
        assertThat(WebApiConfig.DEFAULTS.browser()).isNull();
        assertThat(WebApiConfig.DEFAULTS.chromedriver()).isNull();
        WebApiConfig browser = WebApiConfig.DEFAULTS
                .withTransport(Transport.BROWSER)
                .withBrowser(Path.of("/opt/chromium/chrome"))
                .withChromedriver(Path.of("/opt/chromium/chromedriver"));
        assertThat(browser.withTransport(Transport.HTTP).withBrowser(null).withChromedriver(null))
                .isEqualTo(WebApiConfig.DEFAULTS);
        assertThat(browser.toMap())
                .containsEntry("transport", "browser")
                .containsEntry("browser", "/opt/chromium/chrome")
                .containsEntry("chromedriver", "/opt/chromium/chromedriver");
        assertThat(WebApiConfig.DEFAULTS.withTransport(Transport.BROWSER).toMap())
                .containsEntry("browser", "PATH")
                .containsEntry("chromedriver", "PATH");
        assertThatThrownBy(() -> WebApiConfig.DEFAULTS.withChromedriver(Path.of("")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("chromedriver must be null or a path to an executable, got ''");
    }

    @Test
    void zeroAndInfinityBothMeanUnlimited() {
        assertThat(WebApiConfig.DEFAULTS.withRate(0).isRateLimited()).isFalse();
        assertThat(WebApiConfig.DEFAULTS.withRate(WebApiConfig.UNLIMITED_RATE).isRateLimited())
                .isFalse();
        assertThat(WebApiConfig.DEFAULTS.withRate(0.01).isRateLimited()).isTrue();
        assertThat(WebApiConfig.DEFAULTS.withRate(0).toMap()).containsEntry("rate", "unlimited");
        assertThat(WebApiConfig.DEFAULTS.withRate(20).toMap()).containsEntry("rate", 20.0);
    }

    @Test
    void rejectsBadValuesNamingFieldAndValue() {
        WebApiConfig d = WebApiConfig.DEFAULTS;
        assertThatThrownBy(() -> d.withApiBase(URI.create("ftp://x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("apiBase")
                .hasMessageContaining("ftp://x");
        assertThatThrownBy(() -> d.withWebBase(URI.create("soundcloud.com")))
                .hasMessageContaining("webBase")
                .hasMessageContaining("soundcloud.com");
        assertThatThrownBy(() -> d.withApiBase(URI.create("https://a.b/?client_id=x")))
                .hasMessageContaining("apiBase");
        assertThatThrownBy(() -> d.withClientId(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clientId");
        assertThatThrownBy(() -> d.withTimeout(Duration.ZERO)).hasMessage("timeout must be > 0, got PT0S");
        assertThatThrownBy(() -> d.withMaxRetries(-1)).hasMessage("maxRetries must be >= 0, got -1");
        assertThatThrownBy(() -> d.withInitialBackoff(Duration.ofSeconds(-1)))
                .hasMessage("initialBackoff must be >= 0, got PT-1S");
        assertThatThrownBy(() -> d.withMaxBackoff(Duration.ofMillis(10)))
                .hasMessage("maxBackoff must be >= initialBackoff (PT1S), got PT0.01S");
        assertThatThrownBy(() -> d.withMaxPages(0)).hasMessage("maxPages must be >= 1, got 0");
        assertThatThrownBy(() -> d.withRate(-1))
                .hasMessage("rate must be >= 0 requests per second (0 or Infinity: unlimited), got -1.0");
        assertThatThrownBy(() -> d.withRate(Double.NaN))
                .hasMessageContaining("rate")
                .hasMessageContaining("NaN");
    }

    @Test
    void acceptsTheLoosestLegalValues() {
        WebApiConfig loose = WebApiConfig.DEFAULTS
                .withMaxRetries(0)
                .withInitialBackoff(Duration.ZERO)
                .withMaxBackoff(Duration.ZERO)
                .withMaxPages(1);
        assertThat(loose.maxBackoff()).isZero();
    }
}
