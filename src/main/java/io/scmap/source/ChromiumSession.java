package io.scmap.source;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Chromium driven through ChromeDriver (Selenium): started with a fresh temporary
 * profile, quit once, its profile then deleted. A JVM shutdown hook quits it if nobody else does.
 *
 * <p>Selenium is told both executables, so Selenium Manager (which would look for, or download, a
 * driver) is never run. Selenium's own {@code java.util.logging} output (CDP version warnings and the
 * like) is switched off while this class is loaded, so that the command line prints nothing extra.
 * Not thread-safe: WebDriver is not; {@link BrowserWire} serialises the calls.
 */
final class ChromiumSession {
    /** What to install or pass when an executable is missing; every such message starts with it. */
    static final String NEEDS = "the browser transport needs Chromium and ChromeDriver"
            + " (Debian: apt install chromium chromium-driver), or --browser/--chromedriver paths";

    /** Names of the browser looked up on the PATH, in order. */
    static final List<String> BROWSER_NAMES = List.of("chromium", "chromium-browser", "google-chrome");

    /**
     * Flags that run as root in a container without a display: the new headless mode, no sandbox
     * (root cannot use it), no GPU, TCP only (no QUIC), and none of the background traffic (updates,
     * sync, first-run pages) that would leave loopback.
     */
    static final List<String> FLAGS = List.of(
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage");

    // held here: java.util.logging keeps loggers weakly, and a collected logger forgets its level
    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

    static {
        SELENIUM_LOG.setLevel(Level.OFF);
    }

    /** The browser and driver executables, checked to exist and be executable. */
    record Executables(Path browser, Path chromedriver) {

        /**
         * The given executables, or those found on {@code searchPath} (the {@code PATH} variable's
         * value) where none is given: the first of {@link #BROWSER_NAMES}, and {@code chromedriver}.
         *
         * @throws IllegalArgumentException one line starting with {@link #NEEDS} when one is missing
         */
        static Executables locate(@Nullable Path browser, @Nullable Path chromedriver, @Nullable String searchPath) {
            Path foundBrowser = browser != null ? given("browser", browser) : onPath(BROWSER_NAMES, searchPath);
            if (foundBrowser == null) {
                throw new IllegalArgumentException(
                        NEEDS + ": none of " + String.join(", ", BROWSER_NAMES) + " is on the PATH");
            }
            Path foundDriver = chromedriver != null
                    ? given("chromedriver", chromedriver)
                    : onPath(List.of("chromedriver"), searchPath);
            if (foundDriver == null) {
                throw new IllegalArgumentException(NEEDS + ": chromedriver is not on the PATH");
            }
            return new Executables(foundBrowser, foundDriver);
        }

        private static Path given(String name, Path path) {
            if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
                throw new IllegalArgumentException(NEEDS + ": " + name + " " + path + " is not an executable file");
            }
            return path;
        }

        private static @Nullable Path onPath(List<String> names, @Nullable String searchPath) {
            if (searchPath == null) {
                return null;
            }
            for (String name : names) {
                for (String dir : searchPath.split(File.pathSeparator, -1)) {
                    Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
                    if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                        return candidate;
                    }
                }
            }
            return null;
        }
    }

    private final ChromeDriver driver;
    private final Path profile;
    private final Thread hook;
    private final Duration startup;
    private final AtomicBoolean quit = new AtomicBoolean();

    private ChromiumSession(ChromeDriver driver, Path profile, Duration startup) {
        this.driver = driver;
        this.profile = profile;
        this.startup = startup;
        this.hook = new Thread(this::quitBrowser, "scmap-browser-shutdown");
    }

    /**
     * Starts the browser, its script and page-load timeouts set to {@code timeout}.
     *
     * @throws SourceException (status 0, naming both executables and the first line of the cause)
     *     when the browser does not start
     */
    static ChromiumSession start(Executables executables, Duration timeout, URI site) throws SourceException {
        long began = System.nanoTime();
        Path profile;
        try {
            profile = Files.createTempDirectory("scmap-chromium-");
        } catch (IOException e) {
            throw new SourceException("cannot create a browser profile folder: " + e.getMessage(), 0, site, e);
        }
        // Naming the driver here keeps Selenium Manager out (Selenium skips it when the service has
        // an executable). The service's Builder would do the same but trips javac's -Xlint (its
        // @AutoService annotation is not on the class path).
        ChromeDriverService service = ChromeDriverService.createDefaultService();
        service.setExecutable(executables.chromedriver().toString());
        service.sendOutputTo(OutputStream.nullOutputStream());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executables.browser().toFile());
        List<String> arguments = new ArrayList<>(FLAGS);
        arguments.add("--user-data-dir=" + profile);
        options.addArguments(arguments);
        options.setScriptTimeout(timeout);
        options.setPageLoadTimeout(timeout);
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (WebDriverException | IllegalStateException e) {
            service.stop();
            deleteQuietly(profile);
            throw new SourceException(
                    "the browser did not start (" + executables.browser() + " through " + executables.chromedriver()
                            + "): " + firstLine(e.getMessage()),
                    0,
                    site,
                    e);
        }
        ChromiumSession session = new ChromiumSession(driver, profile, Duration.ofNanos(System.nanoTime() - began));
        try {
            Runtime.getRuntime().addShutdownHook(session.hook);
        } catch (IllegalStateException shuttingDown) {
            session.quitBrowser();
            throw new SourceException("the JVM is shutting down; no browser started", 0, site, shuttingDown);
        }
        return session;
    }

    ChromeDriver driver() {
        return driver;
    }

    /** How long the browser took to start, up to an empty page. */
    Duration startup() {
        return startup;
    }

    /** Quits the browser and deletes its profile; quitting again does nothing. */
    void quit() {
        quitBrowser();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook may be running already; it quits nothing twice
        }
    }

    private void quitBrowser() {
        if (!quit.compareAndSet(false, true)) {
            return;
        }
        try {
            driver.quit();
        } catch (WebDriverException e) {
            // already gone: nothing left to stop
        }
        deleteQuietly(profile);
    }

    /** The first line of a (Selenium) message, which goes on with build and system details. */
    static String firstLine(@Nullable String message) {
        if (message == null || message.isBlank()) {
            return "no details";
        }
        String line = message.strip();
        int end = line.indexOf('\n');
        return end < 0 ? line : line.substring(0, end).strip();
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // a leftover temp folder is harmless; the browser may still hold a file for a moment
        }
    }
}
