package io.scmap.map;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;

/**
 * The static map's one typeface, Java's logical sans-serif font (which falls back to other installed
 * fonts for scripts its first font lacks), with the measurements the layout needs. Widths are taken
 * with antialiasing and fractional metrics on, as the PNG is drawn, so that text fills the boxes laid out
 * for it. Headless: needs fonts, never a display.
 */
final class Fonts {
    static {
        // Before the fields below make the first AWT calls.
        headless();
    }

    private static final FontRenderContext CONTEXT = new FontRenderContext(new AffineTransform(), true, true);
    private static final Font PLAIN = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font BOLD = new Font(Font.SANS_SERIF, Font.BOLD, 12);

    /** The SVG's font stack: the fonts Java's sans-serif usually resolves to, then the browser's own. */
    static final String SVG_FAMILY = "'DejaVu Sans', Verdana, 'Bitstream Vera Sans', Arial, sans-serif";

    private Fonts() {}

    /**
     * Makes Java2D run without a display unless the caller chose otherwise: a server or CI machine has no
     * display, and drawing into an image never needs one. Call before the first AWT class is used.
     */
    static void headless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    static Font font(double size, boolean bold) {
        return (bold ? BOLD : PLAIN).deriveFont((float) size);
    }

    static FontRenderContext context() {
        return CONTEXT;
    }

    /** The advance width of {@code text} at {@code size}. */
    static double width(String text, double size, boolean bold) {
        if (text.isEmpty()) {
            return 0;
        }
        return font(size, bold).getStringBounds(text, CONTEXT).getWidth();
    }

    /**
     * {@code text} without the code points that no installed font draws (they would show as empty boxes)
     * or that a font claims but draws as nothing (colour emoji fonts Java cannot render), with the spaces
     * their removal doubles made single. Marks that combine with the previous character are kept.
     */
    static String displayable(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().filter(Fonts::drawn).forEach(b::appendCodePoint);
        return b.toString().strip().replaceAll(" {2,}", " ");
    }

    private static boolean drawn(int cp) {
        if (cp == ' ') {
            return true;
        }
        if (!PLAIN.canDisplay(cp)) {
            return false;
        }
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK) {
            return true;
        }
        return PLAIN.getStringBounds(new String(Character.toChars(cp)), CONTEXT).getWidth() > 0;
    }

    /**
     * {@code text} cut (with "…") to the longest start that is at most {@code maxWidth} wide at {@code
     * size}; empty when not even "…" fits.
     */
    static String fit(String text, double size, boolean bold, double maxWidth) {
        if (width(text, size, bold) <= maxWidth) {
            return text;
        }
        int points = text.codePointCount(0, text.length());
        int low = 0;
        int high = points;
        // Binary search on the number of code points kept: widths grow with the prefix.
        while (low < high) {
            int mid = (low + high + 1) / 2;
            String candidate = LabelText.truncate(text, mid);
            if (width(candidate, size, bold) <= maxWidth) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low == 0 ? "" : LabelText.truncate(text, low);
    }
}
