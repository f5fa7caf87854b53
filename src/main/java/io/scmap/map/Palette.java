package io.scmap.map;

import java.util.List;
import java.util.Locale;

/**
 * Colours shared by the page and the graph, so that a scene has the same colour in both: a categorical
 * palette for scenes (twenty hand-picked hues, then golden-angle hues), grey for noise.
 */
final class Palette {
    /** Colour of points that belong to no scene and have no generation. */
    static final String NOISE = "#8c8c8c";

    private static final List<String> SCENES = List.of(
            "#4e9be6", "#f28e2b", "#59c26a", "#e15759", "#b07aa1", "#edc948", "#76d7c4", "#ff9da7", "#9c755f",
            "#a0cbe8", "#c5e17a", "#d37295", "#8cd17d", "#fabfd2", "#86bcb6", "#f1ce63", "#b6992d", "#d4a6c8",
            "#e8743b", "#6bb5ff");

    private Palette() {}

    /** The colour of the scene at position {@code rank} among scenes ordered by cluster number. */
    static String scene(int rank) {
        if (rank < SCENES.size()) {
            return SCENES.get(rank);
        }
        // Beyond the palette, successive golden-angle hues stay far apart; lightness alternates so that
        // neighbouring ranks differ even when their hues come close.
        double hue = (rank * 137.508) % 360.0;
        double lightness = rank % 2 == 0 ? 0.62 : 0.72;
        return hsl(hue, 0.6, lightness);
    }

    /** A CSS hex colour from hue (degrees), saturation and lightness (0..1). */
    static String hsl(double hue, double saturation, double lightness) {
        double c = (1 - Math.abs(2 * lightness - 1)) * saturation;
        double h = hue / 60.0;
        double x = c * (1 - Math.abs(h % 2 - 1));
        double[] rgb = switch ((int) h % 6) {
            case 0 -> new double[] {c, x, 0};
            case 1 -> new double[] {x, c, 0};
            case 2 -> new double[] {0, c, x};
            case 3 -> new double[] {0, x, c};
            case 4 -> new double[] {x, 0, c};
            default -> new double[] {c, 0, x};
        };
        double m = lightness - c / 2;
        return String.format(
                Locale.ROOT,
                "#%02x%02x%02x",
                Math.round((rgb[0] + m) * 255),
                Math.round((rgb[1] + m) * 255),
                Math.round((rgb[2] + m) * 255));
    }

    /** The red, green and blue channels (0..255) of a {@code #rrggbb} colour. */
    static int[] rgb(String hex) {
        if (hex.length() != 7 || hex.charAt(0) != '#') {
            throw new IllegalArgumentException("colour must be #rrggbb, got '" + hex + "'");
        }
        int v = Integer.parseInt(hex.substring(1), 16);
        return new int[] {(v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff};
    }
}
