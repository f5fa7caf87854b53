package io.scmap.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scene labels of the static map: where each scene's label belongs, how big it is, and the text
 * drawn for the labels that {@link LabelPlacer} found room for.
 *
 * <p>A label's anchor is the densest spot of its scene: members are binned into square cells of
 * {@value #CELL} pixels (at the 3000-pixel design width), each cell scored with the members of its 3 × 3
 * block, and the anchor is the mean of the members in the best block (ties go to the block nearest the
 * members' mean). Unlike the scene's mean or median it always sits on members, even for a curved or
 * ring-shaped scene. Font size grows with the scene's size from {@value #MIN_SIZE} to {@value #MAX_SIZE}
 * pixels. Labels prefer spots where they hide few dots ({@link DotCover}): beside a compact scene rather
 * than on it, and together cover at most {@value #MAX_COVER} of the map. O(n + k² c).
 */
final class SceneLabels {
    static final double CELL = 40;
    static final double MIN_SIZE = 21;
    static final double MAX_SIZE = 38;
    static final int LINE_CHARS = 28;
    static final int MAX_LINES = 2;
    /**
     * The largest share of the map that labels may cover; beyond it the map reads as text, so the labels
     * of the smallest scenes are left out.
     */
    static final double MAX_COVER = 0.3;
    /** Baseline of a line below the top of its line box, in font sizes. */
    static final double BASELINE = 0.95;

    /** What colour label text takes: a dark shade of its scene's colour, or near-black. */
    enum Ink {
        SCENE_SHADE,
        BLACK
    }

    private SceneLabels() {}

    /** Places the labels of {@code scenes} inside {@code plot}; x and y are the artists' image positions. */
    static LabelPlacer.Placement place(
            Atlas atlas, List<Scenes.Scene> scenes, float[] x, float[] y, Box plot, double radius, double scale) {
        Map<Integer, List<Integer>> members = new HashMap<>();
        List<MapPoint> points = atlas.points();
        for (int i = 0; i < points.size(); i++) {
            if (!points.get(i).isNoise()) {
                members.computeIfAbsent(points.get(i).cluster(), k -> new ArrayList<>())
                        .add(i);
            }
        }
        int largest = scenes.stream().mapToInt(Scenes.Scene::size).max().orElse(1);
        List<LabelPlacer.Request> requests = new ArrayList<>();
        for (Scenes.Scene sc : scenes) {
            List<String> lines = new ArrayList<>();
            for (String line : LabelText.lines(sc.label(), LINE_CHARS, MAX_LINES, "scene " + sc.cluster())) {
                String shown = Fonts.displayable(line);
                if (!shown.isEmpty()) {
                    lines.add(shown);
                }
            }
            if (lines.isEmpty()) {
                lines.add("scene " + sc.cluster());
            }
            double[] anchor = anchor(members.getOrDefault(sc.cluster(), List.of()), x, y, CELL * scale);
            double size = LabelPlacer.fontSize(sc.size(), largest, MIN_SIZE * scale, MAX_SIZE * scale);
            requests.add(new LabelPlacer.Request(sc.cluster(), lines, anchor[0], anchor[1], size, sc.size()));
        }
        DotCover cover =
                new DotCover((int) Math.ceil(plot.right()), (int) Math.ceil(plot.bottom()), x, y, radius, 4 * scale);
        LabelPlacer placer = new LabelPlacer(
                plot, 8 * scale, MIN_SIZE * scale, (line, size) -> Fonts.width(line, size, true), cover);
        return placer.place(requests).limitedTo(MAX_COVER * plot.width() * plot.height());
    }

    /** The text of the placed labels, in the ink {@code ink} picks for each scene, with a white halo. */
    static List<StaticLayout.Text> texts(LabelPlacer.Placement placement, List<Scenes.Scene> scenes, Ink ink) {
        Map<Integer, String> colours = new HashMap<>();
        scenes.forEach(sc -> colours.put(sc.cluster(), sc.colour()));
        List<StaticLayout.Text> texts = new ArrayList<>();
        for (LabelPlacer.Placed p : placement.placed()) {
            double size = p.fontSize();
            double top = p.box().y() + size * BASELINE;
            String colour = ink == Ink.SCENE_SHADE
                    ? darker(colours.getOrDefault(p.request().id(), Palette.NOISE))
                    : "#1a1a1a";
            texts.add(new StaticLayout.Text(
                    "label",
                    p.request().lines(),
                    p.box().centreX(),
                    top,
                    size,
                    true,
                    colour,
                    StaticLayout.Align.MIDDLE,
                    size * 0.3));
        }
        return texts;
    }

    /** The densest spot among {@code members}; see the class comment. The origin when empty. */
    static double[] anchor(List<Integer> members, float[] x, float[] y, double cell) {
        if (members.isEmpty()) {
            return new double[] {0, 0};
        }
        Map<Long, Integer> counts = new HashMap<>();
        double meanX = 0;
        double meanY = 0;
        for (int i : members) {
            counts.merge(key(cellOf(x[i], cell), cellOf(y[i], cell)), 1, Integer::sum);
            meanX += x[i] / (double) members.size();
            meanY += y[i] / (double) members.size();
        }
        long best = Long.MAX_VALUE;
        int bestScore = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (Map.Entry<Long, Integer> e : counts.entrySet()) {
            int cx = (int) (e.getKey() >> 32);
            int cy = (int) (long) e.getKey();
            int score = 0;
            for (int dx = -1; dx <= 1; dx++) {
                for (int dy = -1; dy <= 1; dy++) {
                    score += counts.getOrDefault(key(cx + dx, cy + dy), 0);
                }
            }
            // Equally dense blocks (e.g. a sparse scene of single members) go to the one nearest the mean.
            double distance = Math.hypot((cx + 0.5) * cell - meanX, (cy + 0.5) * cell - meanY);
            boolean better = score > bestScore
                    || (score == bestScore
                            && (distance < bestDistance || (distance == bestDistance && e.getKey() < best)));
            if (better) {
                best = e.getKey();
                bestScore = score;
                bestDistance = distance;
            }
        }
        int bx = (int) (best >> 32);
        int by = (int) best;
        double sumX = 0;
        double sumY = 0;
        int k = 0;
        for (int i : members) {
            if (Math.abs(cellOf(x[i], cell) - bx) <= 1 && Math.abs(cellOf(y[i], cell) - by) <= 1) {
                sumX += x[i];
                sumY += y[i];
                k++;
            }
        }
        return new double[] {sumX / k, sumY / k};
    }

    private static int cellOf(float v, double cell) {
        return (int) Math.floor(v / cell);
    }

    private static long key(int cx, int cy) {
        return ((long) cx << 32) | (cy & 0xffffffffL);
    }

    /** {@code #rrggbb} mixed with black so that text in it stands out on white. */
    static String darker(String hex) {
        int[] rgb = Palette.rgb(hex);
        return String.format(Locale.ROOT, "#%02x%02x%02x", rgb[0] * 45 / 100, rgb[1] * 45 / 100, rgb[2] * 45 / 100);
    }
}
