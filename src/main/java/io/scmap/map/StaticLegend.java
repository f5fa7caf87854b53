package io.scmap.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Lays out the static map's legend in a column: a heading, then one row per entry (a dot of the entry's
 * colour, its label, its count right-aligned). Rows that do not fit the column's height are summed up in
 * a last row ("+ 12 more scenes"); a pinned last entry (unclustered artists) always keeps its row.
 */
final class StaticLegend {
    /** One row: what it names, its colour and how many artists it covers. */
    record Entry(String label, String colour, int count) {}

    private static final String MUTED = "#6b6b6b";
    private static final String INK = "#222222";

    private StaticLegend() {}

    /**
     * Adds the legend's dots to {@code swatches} and its text to {@code texts}.
     *
     * @param area where the legend may go
     * @param scale sizes are designed for a 3000-pixel map and multiplied by this
     * @param heading the legend's title
     * @param entries rows, in order
     * @param pinned a row always shown last, or null
     * @param more what the summary row counts, e.g. "scenes"
     */
    static void layout(
            Box area,
            double scale,
            String heading,
            List<Entry> entries,
            @Nullable Entry pinned,
            String more,
            List<StaticLayout.Swatch> swatches,
            List<StaticLayout.Text> texts) {
        double headingSize = 36 * scale;
        double size = 28 * scale;
        double row = 46 * scale;
        double top = area.y() + headingSize;
        texts.add(text(
                "legend",
                Fonts.fit(heading, headingSize, true, area.width()),
                area.x(),
                top,
                headingSize,
                true,
                INK,
                StaticLayout.Align.START));
        double first = top + 30 * scale + row / 2;
        int fit = (int) Math.floor((area.bottom() - first + row / 2) / row);
        List<Entry> rows = new ArrayList<>(entries);
        int reserved = pinned == null ? 0 : 1;
        Entry summary = null;
        if (rows.size() + reserved > fit) {
            int keep = Math.max(0, fit - reserved - 1);
            int rest = rows.size() - keep;
            rows = new ArrayList<>(rows.subList(0, keep));
            summary = new Entry(String.format(Locale.ROOT, "+ %,d more %s", rest, more), "", -1);
        }
        if (summary != null) {
            rows.add(summary);
        }
        if (pinned != null) {
            rows.add(pinned);
        }
        for (int i = 0; i < rows.size(); i++) {
            addRow(rows.get(i), area, first + i * row, size, scale, swatches, texts);
        }
    }

    private static void addRow(
            Entry e,
            Box area,
            double centreY,
            double size,
            double scale,
            List<StaticLayout.Swatch> swatches,
            List<StaticLayout.Text> texts) {
        double baseline = centreY + size * 0.36;
        double textX = area.x() + 36 * scale;
        double countWidth = 0;
        if (e.count() >= 0) {
            String count = String.format(Locale.ROOT, "%,d", e.count());
            countWidth = Fonts.width(count, size, false) + 16 * scale;
            texts.add(text("legend", count, area.right(), baseline, size, false, MUTED, StaticLayout.Align.END));
        }
        if (!e.colour().isEmpty()) {
            swatches.add(new StaticLayout.Swatch(area.x() + 12 * scale, centreY, 11 * scale, e.colour()));
        }
        String label = Fonts.fit(e.label(), size, false, area.right() - textX - countWidth);
        String colour = e.colour().isEmpty() ? MUTED : INK;
        texts.add(text("legend", label, textX, baseline, size, false, colour, StaticLayout.Align.START));
    }

    private static StaticLayout.Text text(
            String role, String s, double x, double y, double size, boolean bold, String colour, StaticLayout.Align a) {
        return new StaticLayout.Text(role, List.of(s), x, y, size, bold, colour, a, 0);
    }
}
