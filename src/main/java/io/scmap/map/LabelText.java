package io.scmap.map;

import java.util.ArrayList;
import java.util.List;

/**
 * Text made fit for drawing: display names and scene labels are attacker-controlled, so every string
 * drawn on the static map first loses what cannot be drawn or written safely (control and format
 * characters such as bidirectional overrides, unpaired surrogates, unassigned code points), with line
 * and paragraph breaks and other whitespace becoming single spaces. What remains is valid XML character
 * data once escaped. Linear in the length of the text.
 */
final class LabelText {
    /** What scene labels put between artist names ({@code cluster.SceneLabeller}'s separator). */
    static final String SEPARATOR = " · ";

    static final String ELLIPSIS = "…";

    private LabelText() {}

    /** {@code text} with unsafe characters dropped and whitespace runs made one space, trimmed. */
    static String clean(String text) {
        StringBuilder b = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = b.length() > 0;
                continue;
            }
            if (!drawable(cp)) {
                continue;
            }
            if (space) {
                b.append(' ');
                space = false;
            }
            b.appendCodePoint(cp);
        }
        return b.toString();
    }

    private static boolean drawable(int cp) {
        int type = Character.getType(cp);
        return type != Character.CONTROL
                && type != Character.FORMAT
                && type != Character.SURROGATE
                && type != Character.UNASSIGNED;
    }

    /**
     * At most {@code maxChars} code points of {@code text}: itself when short enough, else its start
     * (trailing space trimmed) and "…".
     */
    static String truncate(String text, int maxChars) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be >= 1, got " + maxChars);
        }
        if (text.codePointCount(0, text.length()) <= maxChars) {
            return text;
        }
        int end = text.offsetByCodePoints(0, maxChars - 1);
        return text.substring(0, end).stripTrailing() + ELLIPSIS;
    }

    /**
     * A scene label as lines for the map: the names it joins with " · ", packed into at most {@code
     * maxLines} lines of at most {@code maxChars} code points; a name longer than a line is cut with "…",
     * names beyond the last line are left out. Names that clean to nothing are skipped; {@code fallback}
     * stands in when none is left.
     */
    static List<String> lines(String label, int maxChars, int maxLines, String fallback) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String part : label.split(" · ", -1)) {
            String name = truncate(clean(part), maxChars);
            if (name.isEmpty()) {
                continue;
            }
            int joined =
                    line.codePointCount(0, line.length()) + SEPARATOR.length() + name.codePointCount(0, name.length());
            if (line.length() > 0 && joined <= maxChars) {
                line.append(SEPARATOR).append(name);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (lines.size() == maxLines) {
                break;
            }
            line.append(name);
        }
        if (line.length() > 0 && lines.size() < maxLines) {
            lines.add(line.toString());
        }
        return lines.isEmpty() ? List.of(truncate(clean(fallback), maxChars)) : lines;
    }
}
