package io.scmap.map;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Places map labels so that no two overlap: greedy placement in priority order over a fixed list of
 * candidate positions around each label's anchor, in the spirit of the point-feature label placement
 * surveyed by Christensen, Marks and Shieber ("An empirical study of algorithms for point-feature label
 * placement", ACM Transactions on Graphics 14(3), 1995), in its simplest, greedy form.
 *
 * <ol>
 *   <li><b>order</b>: requests by priority, highest first (ties by id), so that big scenes win space;
 *   <li><b>candidates</b>: the label's box centred on its anchor and moved from it by up to two steps
 *       sideways and up or down (a step is half the box's width or height plus the padding; vertical
 *       moves in half steps), 45 in all; a candidate that sticks out of the canvas is pushed back inside;
 *   <li><b>score</b>: each candidate that stays {@code padding} away from every label placed so far scores
 *       the caller's cost of covering what lies under it (e.g. the share of its area that hides dots) plus
 *       {@value #DISTANCE_COST} per step away from the anchor (a sideways step counting {@value #SIDEWAYS}); the lowest score wins, ties going to the
 *       earlier candidate; when no candidate is free at the requested font size, the same candidates at
 *       the smallest font size;
 *   <li><b>drop</b>: a label with no free candidate is left out and reported.
 * </ol>
 *
 * <p>O(k² c) for k labels and c candidates each (a few hundred labels take milliseconds). Deterministic:
 * the same requests give the same placement.
 */
final class LabelPlacer {
    /** Box height per line of text, in font sizes. */
    static final double LINE_HEIGHT = 1.2;

    /** Score added per step a candidate lies away from its anchor. */
    static final double DISTANCE_COST = 0.1;

    /**
     * A sideways step counts this many vertical ones: a label above or below its scene reads as belonging
     * to it more clearly than one beside it, which also shifts by half the label's (usually larger) width.
     */
    static final double SIDEWAYS = 1.5;

    /**
     * Where candidates sit relative to the anchor, in steps of half the box's width (plus padding) and half
     * its height (plus padding); sorted by {@link #steps} so that ties go to the nearer candidate.
     */
    private static final List<double[]> OFFSETS = offsets();

    /** No cost: candidates rank by distance from the anchor alone. */
    static final Cost NO_COST = box -> 0;

    /** What covering the area of a box costs, at least 0 (e.g. the share of the box that hides dots). */
    @FunctionalInterface
    interface Cost {
        double of(Box box);
    }

    private static List<double[]> offsets() {
        List<double[]> offsets = new ArrayList<>();
        for (double dx = -2; dx <= 2; dx += 1) {
            for (double dy = -2; dy <= 2; dy += 0.5) {
                offsets.add(new double[] {dx, dy});
            }
        }
        // Stable sort: equally far candidates keep the order above before below, left before right.
        offsets.sort(Comparator.comparingDouble(LabelPlacer::steps));
        return List.copyOf(offsets);
    }

    /** How far a candidate lies from its anchor, sideways steps weighing {@value #SIDEWAYS}. */
    static double steps(double[] offset) {
        return Math.hypot(SIDEWAYS * offset[0], offset[1]);
    }

    /** The width of a line of text at a font size. */
    @FunctionalInterface
    interface Measurer {
        double width(String line, double fontSize);
    }

    /**
     * A label to place.
     *
     * @param id the caller's reference (e.g. the cluster number); breaks priority ties
     * @param lines the text, one line per element (at least one)
     * @param anchorX where the label belongs
     * @param anchorY where the label belongs
     * @param fontSize preferred font size in pixels
     * @param priority larger places first
     */
    record Request(int id, List<String> lines, double anchorX, double anchorY, double fontSize, double priority) {
        Request {
            lines = List.copyOf(lines);
            if (lines.isEmpty()) {
                throw new IllegalArgumentException("lines must not be empty for label " + id);
            }
            if (!(fontSize > 0)) {
                throw new IllegalArgumentException("fontSize must be > 0, got " + fontSize + " for label " + id);
            }
        }
    }

    /** A placed label: the request, the font size used and the box its text fills. */
    record Placed(Request request, double fontSize, Box box) {}

    /** The outcome: the placed labels in placement order and the requests that found no room. */
    record Placement(List<Placed> placed, List<Request> dropped) {
        Placement {
            placed = List.copyOf(placed);
            dropped = List.copyOf(dropped);
        }

        /** The boxes of the placed labels, in placement order. */
        List<Box> boxes() {
            return placed.stream().map(Placed::box).toList();
        }

        /**
         * This placement with at most {@code area} square pixels of labels: the placed labels are kept in
         * placement (priority) order while their boxes' total area fits, the rest join the dropped ones.
         */
        Placement limitedTo(double area) {
            double used = 0;
            int keep = 0;
            while (keep < placed.size() && used + area(placed.get(keep).box()) <= area) {
                used += area(placed.get(keep).box());
                keep++;
            }
            if (keep == placed.size()) {
                return this;
            }
            List<Request> more = new ArrayList<>(dropped);
            placed.subList(keep, placed.size()).forEach(p -> more.add(p.request()));
            return new Placement(placed.subList(0, keep), more);
        }

        private static double area(Box box) {
            return box.width() * box.height();
        }
    }

    private final Box canvas;
    private final double padding;
    private final double minFontSize;
    private final Measurer measurer;
    private final Cost cost;

    /**
     * @param canvas where labels may go; every placed box lies inside it
     * @param padding the least distance between two placed boxes
     * @param minFontSize the font size of the second try for labels that do not fit at their own
     * @param measurer the width of a line at a font size
     * @param cost what covering a box costs; {@link #NO_COST} to place labels as near their anchors as
     *     room allows
     */
    LabelPlacer(Box canvas, double padding, double minFontSize, Measurer measurer, Cost cost) {
        if (!(padding >= 0)) {
            throw new IllegalArgumentException("padding must be >= 0, got " + padding);
        }
        if (!(minFontSize > 0)) {
            throw new IllegalArgumentException("minFontSize must be > 0, got " + minFontSize);
        }
        this.canvas = canvas;
        this.padding = padding;
        this.minFontSize = minFontSize;
        this.measurer = Objects.requireNonNull(measurer, "measurer");
        this.cost = Objects.requireNonNull(cost, "cost");
    }

    /**
     * A font size between {@code min} and {@code max} that grows with the square root of a scene's share
     * of the largest scene, so that area-like sizes read as text sizes.
     */
    static double fontSize(int size, int largest, double min, double max) {
        if (largest <= 0 || size <= 0) {
            return min;
        }
        double share = Math.min(1.0, (double) size / largest);
        return min + (max - min) * Math.sqrt(share);
    }

    /** Places {@code requests}; see the class comment for the steps. */
    Placement place(List<Request> requests) {
        List<Request> order = new ArrayList<>(requests);
        order.sort(Comparator.comparingDouble(Request::priority).reversed().thenComparingInt(Request::id));
        List<Placed> placed = new ArrayList<>();
        List<Request> dropped = new ArrayList<>();
        for (Request r : order) {
            Placed p = bestFree(r, r.fontSize(), placed);
            if (p == null && minFontSize < r.fontSize()) {
                p = bestFree(r, minFontSize, placed);
            }
            if (p == null) {
                dropped.add(r);
            } else {
                placed.add(p);
            }
        }
        return new Placement(placed, dropped);
    }

    private @Nullable Placed bestFree(Request r, double size, List<Placed> placed) {
        double width = 0;
        for (String line : r.lines()) {
            width = Math.max(width, measurer.width(line, size));
        }
        double height = r.lines().size() * size * LINE_HEIGHT;
        if (width > canvas.width() || height > canvas.height()) {
            return null;
        }
        @Nullable Box best = null;
        double bestScore = Double.POSITIVE_INFINITY;
        for (double[] o : OFFSETS) {
            double distance = steps(o) * DISTANCE_COST;
            if (distance >= bestScore) {
                break; // costs are never negative, so no later (farther) candidate can win
            }
            double cx = r.anchorX() + o[0] * (width / 2 + padding);
            double cy = r.anchorY() + o[1] * (height / 2 + padding);
            Box box = Box.centredAt(cx, cy, width, height).clampedInto(canvas);
            if (canvas.contains(box) && isFree(box, placed)) {
                double score = distance + Math.max(0, cost.of(box));
                if (score < bestScore) {
                    best = box;
                    bestScore = score;
                }
            }
        }
        return best == null ? null : new Placed(r, size, best);
    }

    private boolean isFree(Box box, List<Placed> placed) {
        for (Placed p : placed) {
            if (p.box().overlaps(box, padding)) {
                return false;
            }
        }
        return true;
    }
}
