package io.scmap.map;

import static org.assertj.core.api.Assertions.assertThat;

import io.scmap.cluster.Generation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The generated {@code graph.html} in real headless Chromium (software WebGL): it draws, logs no error,
 * makes no request and breaks no policy, keeps hostile names as text, and its search, click-through,
 * scene legend and hover highlight do what they say. One browser for the class; each test opens a fresh
 * page. Skips when chromium or chromedriver is not installed.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphPageBrowserTest {
    private static final Duration LOAD = Duration.ofSeconds(90);
    private static final List<String> PAGES = List.of("hostile.html", "random.html", "links.html", "bare.html");

    private Path dir = Path.of(".");
    private Browser browser = null;
    private MapPage page = null;
    private final Atlas hostile = SampleAtlases.hostile();
    private final Atlas random = GraphAtlases.withTies(SampleAtlases.random(1500, 6, 11), 6000, 4);
    private final Atlas links = linkAtlas();
    private final Atlas bare = SampleAtlases.random(300, 4, 5);

    @BeforeAll
    void startBrowser() throws IOException {
        Assumptions.assumeTrue(Browser.available(), Browser.MISSING);
        dir = Files.createTempDirectory("scmap-graph-");
        Maps.writeGraphHtml(hostile, dir.resolve("hostile.html"));
        Maps.writeGraphHtml(random, dir.resolve("random.html"));
        Maps.writeGraphHtml(links, dir.resolve("links.html"));
        Maps.writeGraphHtml(bare, dir.resolve("bare.html"));
        browser = Browser.start(1366, 768);
        page = new MapPage(browser, dir, LOAD);
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
        for (String name : PAGES) {
            Files.deleteIfExists(dir.resolve(name));
        }
        Files.deleteIfExists(dir);
    }

    @BeforeEach
    void recordAlertsAndPolicyViolations() {
        // An alert() a hostile name managed to run marks the page instead of blocking the test, and every
        // Content-Security-Policy violation is counted.
        browser.driver()
                .executeCdpCommand(
                        "Page.addScriptToEvaluateOnNewDocument",
                        Map.of(
                                "source",
                                "window.alert = () => { document.documentElement.dataset.alerted = 'yes'; };"
                                        + " window.violations = [];"
                                        + " document.addEventListener('securitypolicyviolation',"
                                        + " e => window.violations.push(e.violatedDirective + ' ' + e.blockedURI));"));
    }

    @Test
    void drawsTheGraphWithoutErrorsRequestsOrPolicyViolations() {
        page.open("random.html");
        assertThat(browser.consoleErrors()).isEmpty();
        assertThat(browser.requests())
                .containsExactly(dir.resolve("random.html").toUri().toString());
        assertThat(browser.js("return performance.getEntriesByType('resource').length"))
                .isEqualTo(0L);
        assertThat(browser.js("return window.violations")).isEqualTo(List.of());
        assertThat(browser.js("return [scmapGraph.graph.order, scmapGraph.graph.size]"))
                .isEqualTo(List.of(
                        (long) random.points().size(), (long) pairs(random).size()));
        assertThat(page.text("#stats"))
                .isEqualTo(String.format(
                        java.util.Locale.ROOT,
                        "1,500 artists · %,d ties · 6 scenes",
                        pairs(random).size()));
        assertThat(browser.js("return document.getElementById('note').hidden")).isEqualTo(true);
        int drawn = 0;
        var shot = browser.screenshot();
        for (int y = 0; y < shot.getHeight(); y += 2) {
            for (int x = 320; x < shot.getWidth(); x += 2) {
                drawn += MapPage.distance(shot.getRGB(x, y), MapPage.BACKGROUND) > 40 ? 1 : 0;
            }
        }
        assertThat(drawn).as("pixels of nodes and ties right of the panel").isGreaterThan(5000);
    }

    @Test
    void hostileNamesStayText() {
        // Fourteen searches: without camera flights (the page honours reduced motion) they take less time.
        reducedMotion(true);
        try {
            page.open("hostile.html");
            checkHostileNamesStayText();
        } finally {
            reducedMotion(false);
        }
    }

    private void checkHostileNamesStayText() {
        assertThat(browser.js("return document.querySelectorAll('img, b, iframe, object, embed').length"))
                .isEqualTo(0L);
        // meta, graph-meta, graphology, sigma and the page's own; the two payloads are gone once read.
        assertThat(browser.js("return document.querySelectorAll('script').length"))
                .isEqualTo(5L);
        assertThat(page.text("#title")).isEqualTo(hostile.title());
        assertThat(browser.js("return [...document.querySelectorAll('#legend .label')].map(e => e.textContent)"))
                .isEqualTo(List.of("scene <zero> & co", SampleAtlases.IMG, "unclustered"));
        for (MapPoint p : hostile.points()) {
            page.search(p.permalink() + Keys.ENTER);
            browser.await(
                    "return document.getElementById('card').dataset.permalink === arguments[0]", LOAD, p.permalink());
            String shown = p.name().replaceAll("[\u202A-\u202E\u2066-\u2069]", "");
            // Compared in the page: WebDriver's transport turns "\r\n" into "\n".
            assertThat(browser.js(
                            "return document.querySelector('#card h2').textContent === arguments[0]",
                            shown.isEmpty() ? p.permalink() : shown))
                    .as("card title of %s", p.permalink())
                    .isEqualTo(true);
        }
        page.search("onerror" + Keys.ENTER);
        browser.await("return document.getElementById('card').dataset.permalink === 'artist-0'", LOAD);
        assertThat(page.text("#card h2")).isEqualTo(SampleAtlases.IMG);
        assertThat(browser.js("return document.querySelectorAll('img, b, iframe, object, embed').length"))
                .isEqualTo(0L);
        assertThat(browser.js("return document.documentElement.dataset.alerted || 'no'"))
                .isEqualTo("no");
        assertThat(browser.js("return window.violations")).isEqualTo(List.of());
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void searchShowsTheCardCentresTheArtistAndListsOrRefusesOtherwise() {
        page.open("hostile.html");
        browser.driver().findElement(By.id("graph")).sendKeys("/");
        assertThat(browser.js("return document.activeElement.id")).isEqualTo("search");
        browser.driver().switchTo().activeElement().sendKeys("ARTIST-12" + Keys.ENTER);
        browser.await("return document.getElementById('card').dataset.permalink === 'artist-12'", LOAD);
        assertThat(page.text("#card .perm")).isEqualTo("soundcloud.com/artist-12");
        assertThat(browser.js("return scmapGraph.focus()")).isEqualTo("artist-12");
        // "artist-1" is part of artist-10 to artist-13 too, but it is a whole permalink: its card shows.
        page.search("artist-1" + Keys.ENTER);
        browser.await("return document.getElementById('card').dataset.permalink === 'artist-1'", LOAD);
        browser.await(
                "const r = document.getElementById('graph').getBoundingClientRect(), at = scmapGraph.screenOf('artist-1');"
                        + " return Math.abs(at[0] - (r.left + r.right) / 2) < 2 && Math.abs(at[1] - (r.top + r.bottom) / 2) < 2",
                LOAD);
        assertThat(page.text("#card dl")).contains("degree1 artist tied");

        page.search("ARTIST-1" + Keys.BACK_SPACE + Keys.ENTER);
        assertThat(browser.driver().findElements(By.cssSelector("#results [role=option]")))
                .hasSize(hostile.points().size());
        assertThat(page.text("#status")).startsWith("14 matches");
        browser.driver().findElement(By.id("search")).sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ENTER);
        browser.await("return document.getElementById('results').hidden", LOAD);
        assertThat(page.text("#card .perm")).startsWith("soundcloud.com/artist-");
        page.search("nobody-by-this-name" + Keys.ENTER);
        assertThat(page.text("#status")).startsWith("Not found");
        assertThat(browser.js("return document.getElementById('results').hidden"))
                .isEqualTo(true);
    }

    @Test
    void clickingANodeOpensItsSoundCloudPageInANewTab() {
        page.open("links.html");
        browser.js(
                "window.open = (url, target, features) => { window.opened = [url, target, features]; return null; };");
        for (MapPoint p : links.points()) {
            double[] at = screenOf(p.permalink());
            new Actions(browser.driver())
                    .moveToLocation((int) Math.round(at[0]), (int) Math.round(at[1]))
                    .click()
                    .perform();
            browser.await("return !!window.opened", LOAD);
            assertThat(browser.js("return window.opened")).isEqualTo(List.of(p.url(), "_blank", "noopener"));
            assertThat(browser.js("return document.querySelector('#card a.out').href"))
                    .isEqualTo(p.url());
            browser.js("window.opened = null;");
            new Actions(browser.driver()).sendKeys(Keys.ESCAPE).perform();
            browser.await("return document.getElementById('card').hidden", LOAD);
            // Two clicks within sigma's double-click time would zoom instead of opening the second artist.
            browser.js("return new Promise(r => setTimeout(r, 350))");
        }
        assertThat(browser.driver().getWindowHandles()).hasSize(1);
        assertThat(browser.requests())
                .containsExactly(dir.resolve("links.html").toUri().toString());
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void legendButtonsHideAndShowAScene() {
        page.open("random.html");
        List<String> members = random.points().stream()
                .filter(p -> p.cluster() == 0)
                .map(MapPoint::permalink)
                .toList();
        String other = random.points().stream()
                .filter(p -> p.cluster() != 0)
                .findFirst()
                .orElseThrow()
                .permalink();
        WebElement entry = page.legendEntry(random.sceneLabels().get(0));
        entry.click();
        browser.await(
                "return document.getElementById('graph').dataset.visible === arguments[0]",
                LOAD,
                String.valueOf(random.points().size() - members.size()));
        assertThat(entry.getAttribute("aria-pressed")).isEqualTo("false");
        assertThat(browser.js(
                        "return arguments[0].every(p => scmapGraph.hidden(p)"
                                + " && scmapGraph.renderer.getNodeDisplayData(scmapGraph.key(p)).hidden)",
                        members))
                .isEqualTo(true);
        assertThat(browser.js("return scmapGraph.hidden(arguments[0])", other)).isEqualTo(false);
        Set<String> hidden = new HashSet<>(members);
        long kept = pairs(random).stream()
                .filter(pair -> !hidden.contains(pair.get(0)) && !hidden.contains(pair.get(1)))
                .count();
        assertThat(browser.js("return scmapGraph.shownTies()")).isEqualTo(kept);

        // The entry is a button: the keyboard toggles it back.
        entry.sendKeys(Keys.ENTER);
        browser.await(
                "return document.getElementById('graph').dataset.visible === arguments[0]",
                LOAD,
                String.valueOf(random.points().size()));
        assertThat(entry.getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(browser.js("return scmapGraph.hidden(arguments[0])", members.get(0)))
                .isEqualTo(false);
        assertThat(browser.js("return scmapGraph.shownTies()"))
                .isEqualTo((long) pairs(random).size());
    }

    @Test
    void hoverLightsTheArtistAndExactlyItsNeighbours() {
        page.open("random.html");
        MapPoint star = random.points().stream()
                .max(Comparator.comparingLong(MapPoint::followers))
                .orElseThrow();
        Set<String> neighbours = new TreeSet<>();
        for (List<String> pair : pairs(random)) {
            if (pair.contains(star.permalink())) {
                neighbours.add(pair.get(0).equals(star.permalink()) ? pair.get(1) : pair.get(0));
            }
        }
        assertThat(neighbours).hasSizeGreaterThan(3);
        double[] at = screenOf(star.permalink());
        new Actions(browser.driver())
                .moveToLocation((int) Math.round(at[0]), (int) Math.round(at[1]))
                .perform();
        browser.await("return scmapGraph.focus() === arguments[0]", LOAD, star.permalink());
        Set<String> lit = new TreeSet<>(neighbours);
        lit.add(star.permalink());
        assertThat(browser.js("return scmapGraph.lit()")).isEqualTo(List.copyOf(lit));
        assertThat(browser.js("return scmapGraph.shownTies()")).isEqualTo((long) neighbours.size());
        assertThat(browser.js("return document.getElementById('tip').hidden")).isEqualTo(false);
        assertThat(page.text("#tip h2")).isEqualTo(star.name());
        assertThat(page.text("#tip dl")).contains("degree" + neighbours.size() + " artists tied");

        // Off the artist, everything lights again.
        new Actions(browser.driver()).moveToLocation(330, 760).perform();
        browser.await("return scmapGraph.focus() === null", LOAD);
        assertThat(browser.js("return scmapGraph.lit().length"))
                .isEqualTo((long) random.points().size());
        assertThat(browser.js("return document.getElementById('tip').hidden")).isEqualTo(true);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void anAtlasWithoutTiesGivesAWorkingPageOfNodes() {
        page.open("bare.html");
        assertThat(browser.js("return document.getElementById('note').hidden")).isEqualTo(false);
        assertThat(page.text("#note")).startsWith("No ties were recorded");
        assertThat(page.text("#stats")).startsWith("300 artists · 0 ties");
        page.search("artist-7" + Keys.ENTER);
        browser.await("return document.getElementById('card').dataset.permalink === 'artist-7'", LOAD);
        assertThat(page.text("#card")).contains("No ties recorded.");
        assertThat(browser.js("return scmapGraph.lit()")).isEqualTo(List.of("artist-7"));
        assertThat(browser.consoleErrors()).isEmpty();

        Path empty = dir.resolve("empty.html");
        try {
            Maps.writeGraphHtml(new Atlas("nothing yet", List.of(), List.of(), Map.of(), Map.of()), empty);
            assertThat(browser.open(empty, LOAD)).isNull();
            assertThat(page.text("#stats")).isEqualTo("No artists in this graph.");
            page.search("anyone" + Keys.ENTER);
            assertThat(page.text("#status")).startsWith("Not found");
            assertThat(browser.consoleErrors()).isEmpty();
            Files.delete(empty);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // Helpers -------------------------------------------------------------------------------------------

    private void reducedMotion(boolean on) {
        browser.driver()
                .executeCdpCommand(
                        "Emulation.setEmulatedMedia",
                        Map.of(
                                "features",
                                on ? List.of(Map.of("name", "prefers-reduced-motion", "value", "reduce")) : List.of()));
    }

    private double[] screenOf(String permalink) {
        List<?> at =
                (List<?>) Objects.requireNonNull(browser.js("return scmapGraph.screenOf(arguments[0])", permalink));
        return new double[] {((Number) at.get(0)).doubleValue(), ((Number) at.get(1)).doubleValue()};
    }

    /** The distinct pairs of different artists on the map with a tie either way, each as [a, b] with a < b. */
    private static Set<List<String>> pairs(Atlas atlas) {
        Set<String> points = new HashSet<>();
        atlas.points().forEach(p -> points.add(p.permalink()));
        Set<List<String>> pairs = new HashSet<>();
        for (MapEdge e : atlas.edges()) {
            if (points.contains(e.source())
                    && points.contains(e.target())
                    && !e.source().equals(e.target())) {
                pairs.add(
                        e.source().compareTo(e.target()) < 0
                                ? List.of(e.source(), e.target())
                                : List.of(e.target(), e.source()));
            }
        }
        return pairs;
    }

    /** Three artists whose permalinks need percent-encoding, far apart so that each is easy to click. */
    private static Atlas linkAtlas() {
        List<MapPoint> points = new ArrayList<>();
        String[] permalinks = {"plain-artist", "a b/c?d#e&f", "ünï_cødé"};
        for (int i = 0; i < permalinks.length; i++) {
            LocalDate emerge = LocalDate.of(2012 + 3 * i, 5, 1);
            points.add(new MapPoint(
                    i,
                    permalinks[i],
                    "Artist " + i,
                    100L * (i + 1),
                    emerge,
                    Generation.of(emerge),
                    i * 10.0,
                    i % 2 * 4.0,
                    MapPoint.NOISE,
                    ""));
        }
        return new Atlas("links", points, List.of(new MapEdge(permalinks[0], permalinks[1], 2.0)), Map.of(), Map.of());
    }
}
