package io.scmap.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser transport's parts that need no browser: finding executables, reading answers, origins. */
class BrowserWireTest {
    @TempDir
    Path dir;

    private Path executable(String name) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void findsTheFirstBrowserNameAndTheDriverOnThePath() throws IOException {
        Path bin = Files.createDirectories(dir);
        executable("google-chrome");
        executable("chromium-browser");
        executable("chromedriver");
        ChromiumSession.Executables found = ChromiumSession.Executables.locate(null, null, "/nonexistent-dir:" + bin);
        assertThat(found.browser()).isEqualTo(bin.resolve("chromium-browser"));
        assertThat(found.chromedriver()).isEqualTo(bin.resolve("chromedriver"));
    }

    @Test
    void givenPathsWinOverThePath() throws IOException {
        Path browser = executable("my-chrome");
        Path driver = executable("my-driver");
        assertThat(ChromiumSession.Executables.locate(browser, driver, null))
                .isEqualTo(new ChromiumSession.Executables(browser, driver));
    }

    @Test
    void whatIsMissingIsOneLineSayingWhatToInstall() throws IOException {
        assertThatThrownBy(() -> ChromiumSession.Executables.locate(null, null, dir.toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        ChromiumSession.NEEDS + ": none of chromium, chromium-browser, google-chrome is on the PATH");
        executable("chromium");
        assertThatThrownBy(() -> ChromiumSession.Executables.locate(null, null, dir.toString()))
                .hasMessage(ChromiumSession.NEEDS + ": chromedriver is not on the PATH");
        Path notExecutable = Files.writeString(dir.resolve("chromedriver"), "");
        assertThatThrownBy(() -> ChromiumSession.Executables.locate(null, notExecutable, dir.toString()))
                .hasMessage(ChromiumSession.NEEDS + ": chromedriver " + notExecutable + " is not an executable file");
        assertThat(ChromiumSession.NEEDS)
                .contains("apt install chromium chromium-driver")
                .contains("--browser/--chromedriver")
                .doesNotContain("\n");
    }

    @Test
    void theFacadeRefusesAMissingChromedriverBeforeStartingAnything() {
        WebApiConfig config =
                WebApiConfig.DEFAULTS.withTransport(Transport.BROWSER).withChromedriver(dir.resolve("no-chromedriver"));
        assertThatThrownBy(() -> SoundCloud.webApi(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the browser transport needs Chromium and ChromeDriver");
    }

    @Test
    void readsTheScriptsAnswer() throws IOException {
        Map<String, Object> answer = new HashMap<>();
        answer.put("status", 429L);
        answer.put("body", "{}");
        answer.put("retryAfter", "3");
        assertThat(BrowserWire.reply(answer)).isEqualTo(new Wire.Reply(429, "{}", "3", null));
        answer.put("retryAfter", null);
        assertThat(BrowserWire.reply(answer)).isEqualTo(new Wire.Reply(429, "{}", null, null));
    }

    @Test
    void aRefusedFetchIsARetryableIoFailureNamingCors() {
        assertThatThrownBy(() -> BrowserWire.reply(Map.of("error", "TypeError: Failed to fetch")))
                .isInstanceOf(BrowserWire.FetchFailedException.class)
                .hasMessageContaining("TypeError: Failed to fetch")
                .hasMessageContaining("CORS");
        assertThatThrownBy(() -> BrowserWire.reply(Map.of("error", "AbortError: signal is aborted")))
                .isInstanceOf(HttpTimeoutException.class);
        assertThatThrownBy(() -> BrowserWire.reply(null)).isInstanceOf(BrowserWire.FetchFailedException.class);
        assertThatThrownBy(() -> BrowserWire.reply(Map.of("status", 200L)))
                .isInstanceOf(BrowserWire.FetchFailedException.class);
        assertThat(HttpFetcher.describe(new BrowserWire.FetchFailedException("TypeError: x", null)))
                .isEqualTo("fetch failed (TypeError: x)");
    }

    @Test
    void cookiesGoOnlyToTheWebAndApiOrigins() {
        BrowserWire wire = new BrowserWire(
                new ChromiumSession.Executables(Path.of("/bin/false"), Path.of("/bin/false")),
                URI.create("https://soundcloud.com"),
                URI.create("https://api-v2.soundcloud.com"),
                Duration.ofSeconds(1));
        assertThat(List.of(
                        wire.credentials(URI.create("https://soundcloud.com/discover")),
                        wire.credentials(URI.create("https://API-V2.soundcloud.com:443/users/1?client_id=x")),
                        wire.credentials(URI.create("https://a-v2.sndcdn.com/assets/0-abc.js")),
                        wire.credentials(URI.create("http://soundcloud.com/"))))
                .containsExactly("include", "include", "omit", "omit");
        assertThat(BrowserWire.origin(URI.create("http://localhost:8080/x"))).isEqualTo("http://localhost:8080");
        assertThatThrownBy(() ->
                        wire.exchange(new Wire.Request("POST", URI.create("https://soundcloud.com/"), Map.of(), "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only GET");
        wire.close();
    }
}
