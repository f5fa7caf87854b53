package io.scmap.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A headless Chromium driven through Selenium, for tests and benchmarks of the generated pages. It uses
 * the system's {@code chromium} and {@code chromedriver} (Debian's packages; override the paths with the
 * system properties {@code scmap.chromium} and {@code scmap.chromedriver}), so Selenium Manager never
 * downloads anything. WebGL runs on SwiftShader, Chromium's software renderer, so no GPU is needed. The
 * browser keeps its console and network logs: {@link #consoleErrors} and {@link #requests} read them.
 * One browser per test class: starting one takes about a second.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getProperty("scmap.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("scmap.chromedriver", "/usr/bin/chromedriver"));

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Whether chromium and chromedriver are installed; tests skip with {@link #MISSING} when not. */
    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    static final String MISSING = "headless Chromium absent (" + CHROMIUM + ", " + CHROMEDRIVER
            + "): skipping the browser tests; install Debian's chromium and chromium-driver to run them";

    /** Starts a headless browser whose window is {@code width} × {@code height} CSS pixels. */
    static Browser start(int width, int height) throws IOException {
        Path profile = Files.createTempDirectory("scmap-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--use-angle=swiftshader",
                "--enable-unsafe-swiftshader",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-features=Translate,OptimizationHints,MediaRouter",
                "--force-device-scale-factor=1",
                "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", true, "enablePage", false));
        // With the executable and the browser binary both given, Selenium Manager is never consulted.
        ChromeDriverService service = ChromeDriverService.createDefaultService();
        service.setExecutable(CHROMEDRIVER.toString());
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        // The window includes the (invisible) browser frame; the page should see exactly width × height.
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        return new Browser(driver, profile);
    }

    ChromeDriver driver() {
        return driver;
    }

    /**
     * Opens {@code file} and waits up to {@code timeout} until the page says it has rendered ({@code
     * data-ready} on the root element) or shows an error; returns that error, or null.
     */
    @Nullable
    String open(Path file, Duration timeout) {
        consoleErrors();
        requests();
        // A page of a million points takes minutes to load and draw in a software renderer.
        driver.manage().timeouts().pageLoadTimeout(timeout).scriptTimeout(timeout);
        driver.get(file.toUri().toString());
        await(
                "return document.documentElement.dataset.ready === 'true' || !document.getElementById('fatal').hidden",
                timeout);
        Object error = js("const f = document.getElementById('fatal'); return f.hidden ? null : f.textContent");
        return error == null ? null : error.toString();
    }

    /**
     * Polls {@code condition} (a script returning a boolean, with {@code args} as {@code arguments}) until
     * it holds; fails after {@code timeout}.
     */
    void await(String condition, Duration timeout, Object... args) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Boolean.TRUE.equals(js(condition, args))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "page did not reach '" + condition + "' with " + Arrays.toString(args) + " within " + timeout);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for '" + condition + "'", e);
            }
        }
    }

    /** Runs {@code script} in the page (a function body: use {@code return}; arguments as {@code arguments}). */
    @Nullable
    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Console messages at level SEVERE (errors, uncaught exceptions, CSP violations) since the last call. */
    List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(e.getMessage());
            }
        }
        return errors;
    }

    /** URLs of every request the browser started since the last call, as the DevTools network log saw them. */
    List<String> requests() {
        List<String> urls = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE)) {
            try {
                JsonNode message = JSON.readTree(e.getMessage()).path("message");
                if (message.path("method").asText().equals("Network.requestWillBeSent")) {
                    urls.add(message.path("params").path("request").path("url").asText());
                }
            } catch (IOException ex) {
                throw new UncheckedIOException("unreadable performance log entry " + e.getMessage(), ex);
            }
        }
        return urls;
    }

    /** What the window shows now. */
    BufferedImage screenshot() {
        try {
            return ImageIO.read(new ByteArrayInputStream(driver.getScreenshotAs(OutputType.BYTES)));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable screenshot", e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
