package io.scmap.map;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import org.jspecify.annotations.Nullable;

/**
 * Passes JSON text through, rewriting {@code <}, {@code >}, {@code &}, {@code /}, U+2028 and U+2029 as
 * {@code \}-escapes, so that the JSON can sit inside an HTML {@code <script>} element: no string in it can
 * close the element, open a comment, or spell a URL. This is correct for any JSON, because those
 * characters can only occur inside strings, where the escapes mean the same characters.
 */
final class ScriptSafeWriter extends FilterWriter {
    ScriptSafeWriter(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        String escape = escape((char) c);
        if (escape == null) {
            out.write(c);
        } else {
            out.write(escape);
        }
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        int from = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            String escape = escape(chars[i]);
            if (escape != null) {
                out.write(chars, from, i - from);
                out.write(escape);
                from = i + 1;
            }
        }
        out.write(chars, from, end - from);
    }

    @Override
    public void write(String s, int offset, int length) throws IOException {
        write(s.toCharArray(), offset, length);
    }

    private static @Nullable String escape(char c) {
        return switch (c) {
            case '<' -> "\\u003c";
            case '>' -> "\\u003e";
            case '&' -> "\\u0026";
            case '/' -> "\\/";
            case '\u2028' -> "\\u2028";
            case '\u2029' -> "\\u2029";
            default -> null;
        };
    }
}
