package io.scmap.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The generated map page as a browser test sees it: opening it, typing a search, reading texts and
 * boxes of elements, waiting for the map to draw, and counting colours in screenshots.
 */
final class MapPage {
    /** The page background, #1f2229. */
    static final int[] BACKGROUND = {0x1f, 0x22, 0x29};

    private final Browser browser;
    private final Path dir;
    private final Duration load;

    MapPage(Browser browser, Path dir, Duration load) {
        this.browser = browser;
        this.dir = dir;
        this.load = load;
    }

    double[] box(String selector) {
        List<?> r = (List<?>) Objects.requireNonNull(browser.js(
                "const r = document.querySelector(arguments[0]).getBoundingClientRect();"
                        + " return [r.left, r.top, r.right, r.bottom]",
                selector));
        return r.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }

    List<double[]> labelBoxes() {
        List<?> boxes = (List<?>) Objects.requireNonNull(
                browser.js("return [...document.querySelectorAll('.scene-label')].filter(e => !e.hidden).map(e => {"
                        + " const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })"));
        return boxes.stream()
                .map(b -> ((List<?>) b)
                        .stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray())
                .toList();
    }

    static boolean overlaps(double[] a, double[] b) {
        return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
    }

    /** Opens the page {@code name} of the directory and asserts that it drew without an error. */
    void open(String name) {
        String error = browser.open(dir.resolve(name), load);
        assertThat(error).as("page error").isNull();
    }

    void search(String keys) {
        WebElement box = browser.driver().findElement(By.id("search"));
        box.clear();
        box.sendKeys(keys);
    }

    String text(String selector) {
        return String.valueOf(browser.js("return document.querySelector(arguments[0]).textContent", selector));
    }

    List<String> labelTexts() {
        List<?> texts = (List<?>)
                Objects.requireNonNull(
                        browser.js(
                                "return [...document.querySelectorAll('.scene-label')].filter(e => !e.hidden).map(e => e.textContent)"));
        return texts.stream().map(String::valueOf).toList();
    }

    WebElement legendEntry(String label) {
        return browser.driver().findElements(By.cssSelector("#legend button")).stream()
                .filter(b -> b.getText().startsWith(label))
                .findFirst()
                .orElseThrow();
    }

    /** Waits until the map has drawn the latest state: two animation frames after the last change. */
    void settle() {
        browser.js(
                "return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50))))");
        browser.js("return scmap.frameMs()");
    }

    /** A dot's colour as drawn on maps of up to 50,000 artists: the colour at opacity 235/255 over the background. */
    static int[] blended(String hex) {
        int[] c = Palette.rgb(hex);
        double a = 235 / 255.0;
        return new int[] {
            (int) Math.round(c[0] * a + BACKGROUND[0] * (1 - a)),
            (int) Math.round(c[1] * a + BACKGROUND[1] * (1 - a)),
            (int) Math.round(c[2] * a + BACKGROUND[2] * (1 - a))
        };
    }

    /** Pixels right of the panel within a small distance of {@code rgb}. */
    static int countColour(BufferedImage shot, int[] rgb) {
        int n = 0;
        for (int y = 0; y < shot.getHeight(); y++) {
            for (int x = 320; x < shot.getWidth(); x++) {
                n += distance(shot.getRGB(x, y), rgb) < 24 ? 1 : 0;
            }
        }
        return n;
    }

    static int distance(int argb, int[] rgb) {
        return Math.abs(((argb >> 16) & 0xff) - rgb[0])
                + Math.abs(((argb >> 8) & 0xff) - rgb[1])
                + Math.abs((argb & 0xff) - rgb[2]);
    }
}
