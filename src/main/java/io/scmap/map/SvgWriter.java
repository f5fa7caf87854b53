package io.scmap.map;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.Base64;
import java.util.Locale;

/**
 * Writes a {@link StaticLayout} as one standalone SVG 1.1 file: the same picture as the PNG, with the
 * title, legend and scene labels as {@code <text>} (selectable, searchable, editable in a vector
 * editor; every string XML-escaped) and the dots as {@code <circle>} elements grouped by colour, or, above
 * {@link StaticMapParams#svgCircleLimit()} artists, as one embedded PNG image ({@code data:} URI) under the
 * text, because hundreds of thousands of circles overwhelm editors and browsers. Coordinates are rounded
 * to a tenth of a pixel. Linear in the number of artists (plus the embedded image); deterministic.
 */
final class SvgWriter {
    private SvgWriter() {}

    /** Whether the layout's dots go into the SVG as an embedded image rather than as circles. */
    static boolean embedsImage(StaticLayout layout, StaticMapParams params) {
        return layout.x.length > params.svgCircleLimit();
    }

    static void write(StaticLayout layout, String title, StaticMapParams params, Writer out) throws IOException {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.write(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\""
                        + " version=\"1.1\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"%s\">\n",
                layout.width,
                layout.height,
                layout.width,
                layout.height,
                escape(Fonts.SVG_FAMILY)));
        out.write("<title>" + escape(LabelText.clean(title)) + "</title>\n");
        out.write("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        if (embedsImage(layout, params)) {
            image(layout, out);
        } else {
            circles(layout, out);
        }
        out.write("<g id=\"legend\">\n");
        for (StaticLayout.Swatch s : layout.swatches) {
            out.write(String.format(
                    Locale.ROOT,
                    "<circle cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"%s\"/>\n",
                    num(s.x()),
                    num(s.y()),
                    num(s.radius()),
                    s.colour()));
        }
        texts(layout, "legend", out);
        out.write("</g>\n<g id=\"labels\">\n");
        texts(layout, "label", out);
        out.write("</g>\n<g id=\"titles\">\n");
        for (StaticLayout.Text t : layout.texts) {
            if (!t.role().equals("legend") && !t.role().equals("label")) {
                text(t, out);
            }
        }
        out.write("</g>\n</svg>\n");
    }

    private static void circles(StaticLayout layout, Writer out) throws IOException {
        out.write("<g id=\"points\">\n");
        String r = num(layout.radius);
        for (StaticLayout.DotGroup group : layout.groups) {
            out.write("<g fill=\"" + group.colour() + "\" fill-opacity=\"" + num(group.opacity(), 3) + "\">\n");
            for (int k = 0; k < group.size(); k++) {
                int i = group.point(k);
                out.write("<circle cx=\"");
                out.write(num(layout.x[i]));
                out.write("\" cy=\"");
                out.write(num(layout.y[i]));
                out.write("\" r=\"");
                out.write(r);
                out.write("\"/>\n");
            }
            out.write("</g>\n");
        }
        out.write("</g>\n");
    }

    private static void image(StaticLayout layout, Writer out) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream(1 << 20);
        StaticPainter.writePng(StaticPainter.paintDotsOnly(layout), png);
        out.write(String.format(
                Locale.ROOT,
                "<image id=\"points\" x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" xlink:href=\"data:image/png;base64,",
                layout.width,
                layout.height));
        // Stream the base64 text instead of building one big string: the image can be megabytes.
        try (OutputStream encoder = Base64.getEncoder().wrap(new WriterStream(out))) {
            png.writeTo(encoder);
        }
        out.write("\"/>\n");
    }

    private static void texts(StaticLayout layout, String role, Writer out) throws IOException {
        for (StaticLayout.Text t : layout.texts) {
            if (t.role().equals(role)) {
                text(t, out);
            }
        }
    }

    private static void text(StaticLayout.Text t, Writer out) throws IOException {
        String anchor = switch (t.align()) {
            case START -> "start";
            case MIDDLE -> "middle";
            case END -> "end";
        };
        StringBuilder b = new StringBuilder(128);
        b.append("<text class=\"")
                .append(t.role())
                .append("\" x=\"")
                .append(num(t.x()))
                .append("\" y=\"")
                .append(num(t.y()))
                .append("\" font-size=\"")
                .append(num(t.size()))
                .append("\" fill=\"")
                .append(t.colour())
                .append('"');
        if (t.bold()) {
            b.append(" font-weight=\"bold\"");
        }
        if (t.align() != StaticLayout.Align.START) {
            b.append(" text-anchor=\"").append(anchor).append('"');
        }
        if (t.halo() > 0) {
            b.append(" stroke=\"#ffffff\" stroke-width=\"")
                    .append(num(t.halo()))
                    .append("\" stroke-linejoin=\"round\" paint-order=\"stroke\"");
        }
        b.append('>');
        if (t.lines().size() == 1) {
            b.append(escape(t.lines().get(0)));
        } else {
            for (int i = 0; i < t.lines().size(); i++) {
                double y = t.y() + i * t.size() * LabelPlacer.LINE_HEIGHT;
                b.append("<tspan x=\"")
                        .append(num(t.x()))
                        .append("\" y=\"")
                        .append(num(y))
                        .append("\">")
                        .append(escape(t.lines().get(i)))
                        .append("</tspan>");
            }
        }
        b.append("</text>\n");
        out.write(b.toString());
    }

    /** Text escaped for XML character data and quoted attribute values; it must be clean already. */
    static String escape(String s) {
        return HtmlWriter.escapeHtml(s);
    }

    private static String num(double v) {
        return num(v, 1);
    }

    /** {@code v} rounded to {@code decimals} places, without trailing zeros ("12.5", "3", "-0.25"). */
    static String num(double v, int decimals) {
        long scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
        long units = Math.round(Math.abs(v) * scale);
        StringBuilder b = new StringBuilder(12);
        if (v < 0 && units != 0) {
            b.append('-');
        }
        b.append(units / scale);
        long fraction = units % scale;
        if (fraction != 0) {
            String digits = Long.toString(fraction + scale).substring(1);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            b.append('.').append(digits, 0, end);
        }
        return b.toString();
    }

    /** The bytes of ASCII base64 text passed on to a writer. */
    private static final class WriterStream extends OutputStream {
        private final Writer out;

        WriterStream(Writer out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            char[] chars = new char[len];
            for (int i = 0; i < len; i++) {
                chars[i] = (char) b[off + i];
            }
            out.write(chars);
        }

        @Override
        public void close() {
            // The writer belongs to the caller.
        }
    }
}
