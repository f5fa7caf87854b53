package io.scmap.map;

import static org.assertj.core.api.Assertions.assertThat;

import io.scmap.cluster.Generation;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
import org.openqa.selenium.interactions.WheelInput;

/**
 * The generated {@code map.html} in real headless Chromium (software WebGL): it draws, logs no error,
 * makes no request, keeps hostile names as text, and its search, click-through, legend, generation
 * filter, labels, lasso, neighbours panel and density layer do what they say. One browser for the class;
 * each test opens a fresh page. Skips when chromium or chromedriver is not installed.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MapPageBrowserTest {
    private static final Duration LOAD = Duration.ofSeconds(90);
    private static final int WIDTH = 1366;
    private static final int HEIGHT = 768;

    private Path dir = Path.of(".");
    private Browser browser = null;
    private MapPage page = null;
    private final Atlas hostile = SampleAtlases.hostile();
    private final Atlas random = SampleAtlases.random(2000, 8, 7);
    private final Atlas links = linkAtlas();

    @BeforeAll
    void startBrowser() throws IOException {
        Assumptions.assumeTrue(Browser.available(), Browser.MISSING);
        dir = Files.createTempDirectory("scmap-page-");
        Maps.writeHtml(hostile, dir.resolve("hostile.html"));
        Maps.writeHtml(random, dir.resolve("random.html"));
        Maps.writeHtml(links, dir.resolve("links.html"));
        browser = Browser.start(WIDTH, HEIGHT);
        page = new MapPage(browser, dir, LOAD);
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
        for (String name : List.of("hostile.html", "random.html", "links.html")) {
            Files.deleteIfExists(dir.resolve(name));
        }
        Files.deleteIfExists(dir);
    }

    @BeforeEach
    void trapDialogs() {
        // Any alert() a hostile name managed to run would mark the page instead of blocking the test.
        browser.driver()
                .executeCdpCommand(
                        "Page.addScriptToEvaluateOnNewDocument",
                        Map.of(
                                "source",
                                "window.alert = () => { document.documentElement.dataset.alerted = 'yes'; };"));
    }

    @Test
    void drawsWithWebGlWithoutErrorsOrNetworkRequests() {
        page.open("random.html");
        assertThat(browser.consoleErrors()).isEmpty();
        assertThat(browser.requests())
                .containsExactly(dir.resolve("random.html").toUri().toString());
        assertThat(browser.js("return performance.getEntriesByType('resource').length"))
                .isEqualTo(0L);
        assertThat(browser.js("return document.getElementById('map').getContext('webgl2') !== null"))
                .isEqualTo(true);
        BufferedImage shot = browser.screenshot();
        int drawn = 0;
        for (int y = 0; y < shot.getHeight(); y += 2) {
            for (int x = 320; x < shot.getWidth(); x += 2) {
                drawn += MapPage.distance(shot.getRGB(x, y), MapPage.BACKGROUND) > 40 ? 1 : 0;
            }
        }
        assertThat(drawn).as("pixels of dots drawn right of the panel").isGreaterThan(3000);
        assertThat(page.text("#stats")).startsWith("2,000 artists · 8 scenes");
    }

    @Test
    void opensAnEmptyAtlas() throws IOException {
        Path empty = dir.resolve("empty.html");
        Maps.writeHtml(new Atlas("nothing yet", List.of(), List.of(), Map.of(), Map.of()), empty);
        assertThat(browser.open(empty, LOAD)).isNull();
        assertThat(page.text("#stats")).isEqualTo("No artists in this map.");
        page.search("anyone" + Keys.ENTER);
        assertThat(page.text("#status")).startsWith("Not found");
        assertThat(browser.consoleErrors()).isEmpty();
        Files.delete(empty);
    }

    @Test
    void hostileNamesStayText() {
        page.open("hostile.html");
        assertThat(browser.js("return document.querySelectorAll('img, b, iframe, object, embed').length"))
                .isEqualTo(0L);
        assertThat(browser.js("return document.querySelectorAll('script').length"))
                .isEqualTo(3L);
        assertThat(page.text("#title")).isEqualTo(hostile.title());
        assertThat(browser.js("return document.title")).isEqualTo(hostile.title());
        assertThat(page.labelTexts()).contains("scene <zero> & co", SampleAtlases.IMG);
        for (int i = 0; i < hostile.points().size(); i++) {
            MapPoint p = hostile.points().get(i);
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
        assertThat(browser.js("return document.querySelectorAll('img, b, iframe, object, embed').length"))
                .isEqualTo(0L);
        assertThat(browser.js("return document.documentElement.dataset.alerted || 'no'"))
                .isEqualTo("no");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void searchForAPermalinkShowsThatArtistsCard() {
        page.open("hostile.html");
        browser.driver().findElement(By.id("map")).sendKeys("/");
        assertThat(browser.js("return document.activeElement.id")).isEqualTo("search");
        browser.driver().switchTo().activeElement().sendKeys("ARTIST-12" + Keys.ENTER);
        browser.await("return document.getElementById('card').dataset.permalink === 'artist-12'", LOAD);
        assertThat(page.text("#card h2")).isEqualTo(hostile.points().get(12).name());
        assertThat(page.text("#card .perm")).isEqualTo("soundcloud.com/artist-12");
        assertThat(page.text("#status")).contains("artist-12");
        // "artist-1" is also part of artist-10 to artist-13, but it is a whole permalink: its card shows.
        page.search("artist-1" + Keys.ENTER);
        browser.await("return document.getElementById('card').dataset.permalink === 'artist-1'", LOAD);
        browser.await("return Math.abs(scmap.screenOf('artist-1')[0] - innerWidth / 2) < 2", LOAD);
    }

    @Test
    void searchListsSeveralMatchesAndSaysWhenThereIsNone() {
        page.open("hostile.html");
        page.search("ARTIST-1" + Keys.BACK_SPACE + Keys.ENTER);
        assertThat(browser.js("return document.getElementById('results').hidden"))
                .isEqualTo(false);
        assertThat(browser.driver().findElements(By.cssSelector("#results [role=option]")))
                .hasSize(hostile.points().size());
        assertThat(page.text("#status")).startsWith("14 matches");
        WebElement box = browser.driver().findElement(By.id("search"));
        box.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ENTER);
        browser.await("return !document.getElementById('card').hidden", LOAD);
        String second = browser.driver()
                .findElement(By.cssSelector("#card .perm"))
                .getText()
                .replace("soundcloud.com/", "");
        assertThat(second).startsWith("artist-");
        page.search("ünïcødé" + Keys.ENTER);
        browser.await("return document.getElementById('card').dataset.permalink === 'artist-6'", LOAD);
        page.search("nobody-by-this-name" + Keys.ENTER);
        assertThat(page.text("#status")).startsWith("Not found");
        assertThat(browser.js("return document.getElementById('results').hidden"))
                .isEqualTo(true);
    }

    @Test
    void clickingAPointOpensItsSoundCloudPageInANewTab() {
        page.open("links.html");
        browser.js(
                "window.open = (url, target, features) => { window.opened = [url, target, features]; return null; };");
        for (MapPoint p : links.points()) {
            List<?> at =
                    (List<?>) Objects.requireNonNull(browser.js("return scmap.screenOf(arguments[0])", p.permalink()));
            int x = (int) Math.round(((Number) at.get(0)).doubleValue());
            int y = (int) Math.round(((Number) at.get(1)).doubleValue());
            new Actions(browser.driver()).moveToLocation(x, y).click().perform();
            browser.await("return !!window.opened", LOAD);
            assertThat(browser.js("return window.opened")).isEqualTo(List.of(p.url(), "_blank", "noopener"));
            assertThat(page.text("#card .perm")).isEqualTo("soundcloud.com/" + p.permalink());
            browser.js("window.opened = null;");
            // The card closes with Escape, so that it cannot cover the next artist.
            new Actions(browser.driver()).sendKeys(Keys.ESCAPE).perform();
            browser.await("return document.getElementById('card').hidden", LOAD);
        }
        assertThat(browser.driver().getWindowHandles()).hasSize(1);
        assertThat(browser.requests())
                .containsExactly(dir.resolve("links.html").toUri().toString());
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void legendTogglesAGeneration() {
        page.open("random.html");
        Generation newest = Generation.SINCE_2021;
        List<String> members = random.points().stream()
                .filter(p -> p.generation() == newest)
                .map(MapPoint::permalink)
                .toList();
        int[] colour = MapPage.blended(newest.colour());
        int before = MapPage.countColour(browser.screenshot(), colour);
        assertThat(before).as("pixels in the colour of " + newest.label()).isGreaterThan(500);

        WebElement entry = page.legendEntry(newest.label());
        entry.click();
        browser.await(
                "return document.getElementById('stage').dataset.visible === arguments[0]",
                LOAD,
                String.valueOf(random.points().size() - members.size()));
        assertThat(entry.getAttribute("aria-pressed")).isEqualTo("false");
        assertThat(browser.js("return scmap.visible(arguments[0])", members.get(0)))
                .isEqualTo(false);
        page.settle();
        assertThat(MapPage.countColour(browser.screenshot(), colour)).isLessThan(before / 50);

        entry.click();
        browser.await(
                "return document.getElementById('stage').dataset.visible === arguments[0]",
                LOAD,
                String.valueOf(random.points().size()));
        page.settle();
        assertThat(MapPage.countColour(browser.screenshot(), colour)).isGreaterThan(before * 9 / 10);
    }

    @Test
    @SuppressWarnings("EnumOrdinal") // the page numbers the eras in declaration order, as its filter does
    void generationFilterHidesEarlierEras() {
        page.open("random.html");
        browser.js(
                "const s = document.getElementById('gen-from'); s.value = '2'; s.dispatchEvent(new Event('change'));");
        long kept = random.points().stream()
                .filter(p -> p.generation() == null || p.generation().compareTo(Generation.Y2015_16) >= 0)
                .count();
        browser.await(
                "return document.getElementById('stage').dataset.visible === arguments[0]", LOAD, String.valueOf(kept));
        MapPoint old = random.points().stream()
                .filter(p -> p.generation() == Generation.BEFORE_2013)
                .findFirst()
                .orElseThrow();
        assertThat(browser.js("return scmap.visible(arguments[0])", old.permalink()))
                .isEqualTo(false);
        assertThat(page.text("#stats")).contains(String.format(Locale.ROOT, "%,d shown", kept));
        // Showing a filtered-out artist widens the filter to their era.
        page.search(old.permalink() + Keys.ENTER);
        browser.await("return scmap.visible(arguments[0])", LOAD, old.permalink());
        assertThat(browser.js("return document.getElementById('gen-from').value"))
                .isEqualTo("0");
    }

    @Test
    void sceneLabelsDoNotOverlapAndGrowWithZoom() {
        page.open("random.html");
        List<double[]> before = page.labelBoxes();
        assertThat(before).hasSizeGreaterThanOrEqualTo(4);
        assertNoOverlap(before);
        double[] panel = page.box("#panel");
        assertThat(before).noneMatch(b -> MapPage.overlaps(b, panel));

        // Zoom in with the wheel over the largest scene's label: it stays put and grows.
        Object largest = browser.js("return document.querySelector('.scene-label:not([hidden])').dataset.scene");
        double[] label = page.box(".scene-label[data-scene='" + largest + "']");
        int x = (int) ((label[0] + label[2]) / 2);
        int y = (int) ((label[1] + label[3]) / 2);
        for (int k = 0; k < 4; k++) {
            new Actions(browser.driver())
                    .scrollFromOrigin(WheelInput.ScrollOrigin.fromViewport(x, y), 0, -300)
                    .perform();
        }
        browser.await("const v = scmap.view(); return v.zoom - v.fitZoom > 1", LOAD);
        page.settle();
        List<double[]> after = page.labelBoxes();
        assertNoOverlap(after);
        double[] grown = page.box(".scene-label[data-scene='" + largest + "']");
        assertThat(grown[3] - grown[1]).isGreaterThan((label[3] - label[1]) * 1.15);
    }

    @Test
    void lassoListsTheArtistsInside() {
        page.open("hostile.html");
        int x0 = 560, x1 = 1000, y0 = 20, y1 = 330;
        List<MapPoint> inside = new ArrayList<>();
        for (MapPoint p : hostile.points()) {
            List<?> at =
                    (List<?>) Objects.requireNonNull(browser.js("return scmap.screenOf(arguments[0])", p.permalink()));
            double x = ((Number) at.get(0)).doubleValue();
            double y = ((Number) at.get(1)).doubleValue();
            if (x > x0 && x < x1 && y > y0 && y < y1) {
                inside.add(p);
            }
        }
        assertThat(inside).hasSizeBetween(2, hostile.points().size() - 2);
        Object view = browser.js("return JSON.stringify(scmap.view())");
        new Actions(browser.driver())
                .keyDown(Keys.SHIFT)
                .moveToLocation(x0, y0)
                .clickAndHold()
                .moveToLocation(x1, y0)
                .moveToLocation(x1, (y0 + y1) / 2)
                .moveToLocation(x1, y1)
                .moveToLocation(x0, y1)
                .moveToLocation(x0, y0 + 5)
                .release()
                .keyUp(Keys.SHIFT)
                .perform();
        browser.await("return !document.getElementById('selection').hidden", LOAD);
        assertThat(browser.js("return JSON.stringify(scmap.view())"))
                .as("the lasso does not pan")
                .isEqualTo(view);
        assertThat(page.text("#selection h2")).isEqualTo(inside.size() + " artists in the lasso");
        List<String> hrefs = ((List<?>) Objects.requireNonNull(browser.js(
                        "return [...document.querySelectorAll('#selection a')].map(a => a.getAttribute('href'))")))
                .stream().map(String::valueOf).toList();
        assertThat(hrefs)
                .containsExactlyInAnyOrderElementsOf(
                        inside.stream().map(MapPoint::url).toList());
        assertThat(
                        browser.js(
                                "return [...document.querySelectorAll('#selection a')]"
                                        + ".every(a => a.target === '_blank' && a.rel.includes('noopener') && a.children.length === 0)"))
                .isEqualTo(true);
        assertThat(browser.js("return document.querySelectorAll('img, b').length"))
                .isEqualTo(0L);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void neighboursPanelListsArtistsLikeThePinnedOne() {
        page.open("hostile.html");
        page.search("artist-0" + Keys.ENTER);
        browser.await("return document.getElementById('card').dataset.permalink === 'artist-0'", LOAD);
        assertThat(browser.js(
                        "return document.querySelector('#card h3').textContent === 'Artists like ' + arguments[0]",
                        SampleAtlases.IMG))
                .isEqualTo(true);
        List<?> near = (List<?>) Objects.requireNonNull(
                browser.js("return [...document.querySelectorAll('#card ol.near button')].map(b => b.textContent)"));
        assertThat(near).hasSize(3);
        assertThat(near.get(1)).isEqualTo(hostile.points().get(2).name());
        WebElement first = browser.driver().findElement(By.cssSelector("#card ol.near button"));
        first.sendKeys(Keys.ENTER);
        browser.await("return document.getElementById('card').dataset.permalink === 'artist-1'", LOAD);
        assertThat(browser.js("return document.querySelectorAll('img, script:not([type])').length"))
                .isEqualTo(2L);
    }

    @Test
    void densityContoursDrawUnderThePoints() {
        page.open("random.html");
        BufferedImage before = browser.screenshot();
        browser.driver()
                .findElement(By.cssSelector("label[for=density-on], #density-on"))
                .click();
        browser.await("return document.getElementById('density-on').checked", LOAD);
        page.settle();
        BufferedImage after = browser.screenshot();
        int changed = 0;
        int background = 0;
        for (int y = 0; y < HEIGHT; y += 2) {
            for (int x = 320; x < WIDTH; x += 2) {
                boolean wasBackground = MapPage.distance(before.getRGB(x, y), MapPage.BACKGROUND) < 6;
                background += wasBackground ? 1 : 0;
                changed += wasBackground && MapPage.distance(after.getRGB(x, y), MapPage.BACKGROUND) >= 6 ? 1 : 0;
            }
        }
        assertThat(changed).as("background pixels the contours cover").isGreaterThan(background / 20);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    // Helpers -------------------------------------------------------------------------------------------

    private static void assertNoOverlap(List<double[]> boxes) {
        for (int a = 0; a < boxes.size(); a++) {
            for (int b = a + 1; b < boxes.size(); b++) {
                assertThat(MapPage.overlaps(boxes.get(a), boxes.get(b)))
                        .as("labels %d and %d overlap", a, b)
                        .isFalse();
            }
        }
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
        return new Atlas("links", points, List.of(), Map.of(), Map.of());
    }
}
