package io.scmap.map;

import io.scmap.cluster.Generation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where everything on the static map goes: image size, each artist's dot, the scene labels (placed by
 * {@link LabelPlacer}), legend, title and credit line. Computed once and drawn by {@link StaticPainter}
 * into the PNG and by {@link SvgWriter} into the SVG, so that both show the same map.
 *
 * <p>The map keeps the embedding's aspect ratio (x and y share one scale; y points up) within bounds, so
 * that a long thin embedding still leaves room for text. Sizes are designed for a 3000-pixel-wide image
 * and scale with the width; dots shrink and fade as artists get more numerous, so that dense scenes show
 * their density instead of a solid blot. Dots are drawn in groups, largest group first, so that small
 * scenes stay visible on top. O(n + k² c) for n artists and k scene labels; deterministic.
 */
final class StaticLayout {
    static final double DESIGN_WIDTH = 3000;
    private static final String INK = "#1a1a1a";
    private static final String MUTED = "#6b6b6b";
    private static final double MARGIN = 70;
    private static final double LEGEND_WIDTH = 600;
    private static final double GAP = 60;
    private static final double TITLE = 64;
    private static final double SUBTITLE = 34;
    private static final double CREDIT = 24;

    /** Horizontal alignment of text on its x. */
    enum Align {
        START,
        MIDDLE,
        END
    }

    /**
     * Text to draw.
     *
     * @param role what the text is ("title", "label", "legend", ...), for the SVG's grouping
     * @param lines one or more lines, already clean and displayable
     * @param y baseline of the first line; the others follow {@link LabelPlacer#LINE_HEIGHT} sizes apart
     * @param halo width of the white outline drawn under the text, 0 for none
     */
    record Text(
            String role,
            List<String> lines,
            double x,
            double y,
            double size,
            boolean bold,
            String colour,
            Align align,
            double halo) {
        Text {
            lines = List.copyOf(lines);
        }
    }

    /** A legend dot. */
    record Swatch(double x, double y, double radius, String colour) {}

    /** Dots of one colour and opacity: indices into the atlas's points, drawn in this order. */
    static final class DotGroup {
        private final String colour;
        private final double opacity;
        private final int[] points;

        DotGroup(String colour, double opacity, int[] points) {
            this.colour = colour;
            this.opacity = opacity;
            this.points = points.clone();
        }

        String colour() {
            return colour;
        }

        double opacity() {
            return opacity;
        }

        /** How many dots the group has. */
        int size() {
            return points.length;
        }

        /** The index into the atlas's points of the group's {@code k}-th dot. */
        int point(int k) {
            return points[k];
        }
    }

    final int width;
    final int height;
    final double radius;
    final float[] x;
    final float[] y;
    final List<DotGroup> groups;
    final List<Swatch> swatches;
    final List<Text> texts;
    final LabelPlacer.Placement labels;

    private StaticLayout(Builder b) {
        this.width = b.width;
        this.height = b.height;
        this.radius = b.radius;
        this.x = b.x;
        this.y = b.y;
        this.groups = List.copyOf(b.groups);
        this.swatches = List.copyOf(b.swatches);
        this.texts = List.copyOf(b.texts);
        this.labels = Objects.requireNonNull(b.labels);
    }

    /** The layout of {@code atlas} drawn with {@code params}. */
    static StaticLayout of(Atlas atlas, StaticMapParams params) {
        return new StaticLayout(new Builder(atlas, params).build());
    }

    /** The steps, in order: frame, dots, scene labels, legend, title and credit. */
    private static final class Builder {
        final Atlas atlas;
        final StaticMapParams params;
        final double s;
        final List<Scenes.Scene> scenes;
        final int width;
        int height;
        double radius;
        float[] x = new float[0];
        float[] y = new float[0];
        Box plot = new Box(0, 0, 0, 0);
        final List<DotGroup> groups = new ArrayList<>();
        final List<Swatch> swatches = new ArrayList<>();
        final List<Text> texts = new ArrayList<>();
        LabelPlacer.@Nullable Placement labels;

        Builder(Atlas atlas, StaticMapParams params) {
            this.atlas = atlas;
            this.params = params;
            this.width = params.width();
            this.s = width / DESIGN_WIDTH;
            this.scenes = Scenes.of(atlas);
        }

        Builder build() {
            frame();
            dots();
            LabelPlacer.Placement placement = SceneLabels.place(atlas, scenes, x, y, plot, radius, s);
            labels = placement;
            texts.addAll(SceneLabels.texts(placement, scenes, labelInk()));
            legend();
            titles();
            return this;
        }

        private boolean byScene() {
            return params.colouring() == StaticMapParams.Colouring.SCENE;
        }

        private SceneLabels.Ink labelInk() {
            return byScene() ? SceneLabels.Ink.SCENE_SHADE : SceneLabels.Ink.BLACK;
        }

        /** Image height and every artist's position, from the data's bounds and aspect ratio. */
        private void frame() {
            List<MapPoint> points = atlas.points();
            int n = points.size();
            double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
            double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
            for (MapPoint p : points) {
                minX = Math.min(minX, p.x());
                maxX = Math.max(maxX, p.x());
                minY = Math.min(minY, p.y());
                maxY = Math.max(maxY, p.y());
            }
            if (n == 0) {
                minX = minY = -1;
                maxX = maxY = 1;
            }
            double spanX = Math.max(maxX - minX, 1e-9);
            double spanY = Math.max(maxY - minY, 1e-9);
            if (spanX < 1e-6 && spanY < 1e-6) {
                spanX = spanY = 1;
            }
            radius = s * Math.max(1.6, Math.min(8, 230 / Math.sqrt(Math.max(n, 1))));
            double top = (MARGIN + TITLE + 58 + 56) * s;
            double plotWidth = width - (2 * MARGIN + LEGEND_WIDTH + GAP) * s;
            double aspect = Math.max(0.55, Math.min(1.2, spanY / spanX));
            plot = new Box(MARGIN * s, top, plotWidth, plotWidth * aspect);
            height = (int) Math.ceil(plot.bottom() + 110 * s);
            double inset = radius + 12 * s;
            double k = Math.min((plot.width() - 2 * inset) / spanX, (plot.height() - 2 * inset) / spanY);
            double offsetX = plot.centreX() - (minX + maxX) / 2 * k;
            double offsetY = plot.centreY() + (minY + maxY) / 2 * k;
            x = new float[n];
            y = new float[n];
            for (int i = 0; i < n; i++) {
                x[i] = (float) (offsetX + points.get(i).x() * k);
                y[i] = (float) (offsetY - points.get(i).y() * k);
            }
        }

        /** Dot groups by colour, largest first, unclustered or undated artists underneath everything. */
        private void dots() {
            int n = atlas.points().size();
            double opacity = Math.max(0.4, Math.min(0.85, 1.25 - 0.15 * Math.log10(Math.max(n, 1))));
            Map<String, List<Integer>> members = new LinkedHashMap<>();
            members.put(Palette.NOISE, new ArrayList<>());
            Map<Integer, String> sceneColour = new HashMap<>();
            scenes.forEach(sc -> sceneColour.put(sc.cluster(), sc.colour()));
            for (int i = 0; i < n; i++) {
                members.computeIfAbsent(colourOf(atlas.points().get(i), sceneColour), c -> new ArrayList<>())
                        .add(i);
            }
            List<Map.Entry<String, List<Integer>>> order = new ArrayList<>(members.entrySet());
            order.sort(Comparator.comparing(
                            (Map.Entry<String, List<Integer>> e) -> !e.getKey().equals(Palette.NOISE))
                    .thenComparing(e -> -e.getValue().size())
                    .thenComparing(Map.Entry::getKey));
            for (var e : order) {
                if (!e.getValue().isEmpty()) {
                    double alpha = e.getKey().equals(Palette.NOISE) ? opacity * 0.7 : opacity;
                    int[] idx =
                            e.getValue().stream().mapToInt(Integer::intValue).toArray();
                    groups.add(new DotGroup(e.getKey(), alpha, idx));
                }
            }
        }

        private String colourOf(MapPoint p, Map<Integer, String> sceneColour) {
            if (byScene()) {
                return p.isNoise() ? Palette.NOISE : sceneColour.getOrDefault(p.cluster(), Palette.NOISE);
            }
            Generation g = p.generation();
            return g == null ? Palette.NOISE : g.colour();
        }

        private void legend() {
            double left = width - (MARGIN + LEGEND_WIDTH) * s;
            Box area = new Box(left, plot.y(), LEGEND_WIDTH * s, plot.height());
            if (byScene()) {
                List<StaticLegend.Entry> entries = new ArrayList<>();
                scenes.stream()
                        .sorted(Comparator.comparingInt((Scenes.Scene sc) -> -sc.size())
                                .thenComparingInt(Scenes.Scene::cluster))
                        .forEach(sc -> entries.add(new StaticLegend.Entry(
                                legendLabel(sc.label(), "scene " + sc.cluster()), sc.colour(), sc.size())));
                int noise =
                        (int) atlas.points().stream().filter(MapPoint::isNoise).count();
                StaticLegend.Entry pinned =
                        noise == 0 ? null : new StaticLegend.Entry("unclustered", Palette.NOISE, noise);
                StaticLegend.layout(area, s, "Scenes", entries, pinned, "scenes", swatches, texts);
            } else {
                Map<Generation, Integer> counts = new EnumMap<>(Generation.class);
                int unknown = 0;
                for (MapPoint p : atlas.points()) {
                    Generation g = p.generation();
                    if (g == null) {
                        unknown++;
                    } else {
                        counts.merge(g, 1, Integer::sum);
                    }
                }
                List<StaticLegend.Entry> entries = new ArrayList<>();
                for (Generation g : Generation.values()) {
                    entries.add(new StaticLegend.Entry(g.label(), g.colour(), counts.getOrDefault(g, 0)));
                }
                StaticLegend.Entry pinned =
                        unknown == 0 ? null : new StaticLegend.Entry("unknown", Palette.NOISE, unknown);
                StaticLegend.layout(area, s, "First upload", entries, pinned, "generations", swatches, texts);
            }
        }

        private static String legendLabel(String label, String fallback) {
            String clean = Fonts.displayable(LabelText.clean(label));
            return clean.isEmpty() ? fallback : clean;
        }

        private void titles() {
            double left = MARGIN * s;
            double maxWidth = width - 2 * MARGIN * s;
            String title = Fonts.displayable(LabelText.clean(atlas.title()));
            double titleY = (MARGIN + TITLE) * s;
            add(
                    "title",
                    Fonts.fit(title.isEmpty() ? "scmap" : title, TITLE * s, true, maxWidth),
                    left,
                    titleY,
                    TITLE * s,
                    true,
                    INK,
                    Align.START);
            add(
                    "subtitle",
                    Fonts.fit(subtitle(), SUBTITLE * s, false, maxWidth),
                    left,
                    titleY + 58 * s,
                    SUBTITLE * s,
                    false,
                    MUTED,
                    Align.START);
            String credit = "Each dot is an artist; artists who like, comment on, repost and follow the same"
                    + " accounts sit close together. Made with scmap.";
            add(
                    "credit",
                    Fonts.fit(credit, CREDIT * s, false, maxWidth),
                    left,
                    plot.bottom() + 64 * s,
                    CREDIT * s,
                    false,
                    MUTED,
                    Align.START);
            if (atlas.points().isEmpty()) {
                add("empty", "No artists to show", plot.centreX(), plot.centreY(), 40 * s, false, MUTED, Align.MIDDLE);
            }
        }

        private String subtitle() {
            int n = atlas.points().size();
            long noise = atlas.points().stream().filter(MapPoint::isNoise).count();
            StringBuilder b = new StringBuilder(String.format(
                    Locale.ROOT,
                    "%,d %s in %,d %s",
                    n,
                    n == 1 ? "artist" : "artists",
                    scenes.size(),
                    scenes.size() == 1 ? "scene" : "scenes"));
            if (noise > 0) {
                b.append(String.format(Locale.ROOT, " · %,d unclustered", noise));
            }
            b.append(byScene() ? " · coloured by scene" : " · coloured by generation (year of first upload)");
            return b.toString();
        }

        private void add(
                String role, String text, double tx, double ty, double size, boolean bold, String colour, Align align) {
            if (!text.isEmpty()) {
                texts.add(new Text(role, List.of(text), tx, ty, size, bold, colour, align, 0));
            }
        }
    }
}
