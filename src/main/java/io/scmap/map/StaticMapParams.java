package io.scmap.map;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How the static map ({@code map.png}, {@code map.svg}) is drawn.
 *
 * @param width image width in pixels (the SVG's view box is as wide); default 3000, from {@value #MIN_WIDTH}
 *     to {@value #MAX_WIDTH}; the height follows from the data's aspect ratio, and every size on the map
 *     (dots, text, margins) scales with the width
 * @param colouring what the dot colours show: scenes (default; unclustered artists grey) or generations
 * @param svgCircleLimit the SVG draws each artist as a {@code <circle>} up to this many artists and embeds
 *     the dots as one PNG image above it, so that the file stays small enough for editors and browsers;
 *     default 50,000; 0 always embeds the image
 */
public record StaticMapParams(int width, Colouring colouring, int svgCircleLimit) {
    /** Narrowest map: below it the text no longer fits beside the legend. */
    public static final int MIN_WIDTH = 600;
    /** Widest map: 10,000 pixels need about 300 MB of image memory at a square aspect. */
    public static final int MAX_WIDTH = 10_000;

    /** 3000 pixels wide, coloured by scene, circles up to 50,000 artists. */
    public static final StaticMapParams DEFAULTS = new StaticMapParams(3000, Colouring.SCENE, 50_000);

    /** What the colour of a dot shows. */
    public enum Colouring {
        /** The artist's scene (cluster); unclustered artists grey. */
        SCENE,
        /** The artist's generation on the plasma scale; artists without an emerge date grey. */
        GENERATION
    }

    public StaticMapParams {
        if (width < MIN_WIDTH || width > MAX_WIDTH) {
            throw new IllegalArgumentException(
                    "width must be between " + MIN_WIDTH + " and " + MAX_WIDTH + ", got " + width);
        }
        Objects.requireNonNull(colouring, "colouring");
        if (svgCircleLimit < 0) {
            throw new IllegalArgumentException("svgCircleLimit must be >= 0, got " + svgCircleLimit);
        }
    }

    public StaticMapParams withWidth(int value) {
        return new StaticMapParams(value, colouring, svgCircleLimit);
    }

    public StaticMapParams withColouring(Colouring value) {
        return new StaticMapParams(width, value, svgCircleLimit);
    }

    public StaticMapParams withSvgCircleLimit(int value) {
        return new StaticMapParams(width, colouring, value);
    }

    /** The parameters by name, for the manifest. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("width", width);
        m.put("colouring", colouring.name().toLowerCase(Locale.ROOT));
        m.put("svgCircleLimit", svgCircleLimit);
        return m;
    }
}
