package io.scmap.map;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Draws a {@link StaticLayout} with Java2D, antialiased, and encodes it as PNG ({@link PngEncoder}, which
 * adds no time stamp): the same layout gives the same bytes. Runs headless. Linear in the
 * number of artists and the image's pixels.
 */
final class StaticPainter {
    private StaticPainter() {}

    /** The whole map on white: dots, legend, labels, titles. */
    static BufferedImage paint(StaticLayout layout) {
        BufferedImage image = new BufferedImage(layout.width, layout.height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(image);
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, layout.width, layout.height);
            paintDots(layout, g);
            paintOverlay(layout, g);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The dots alone on a transparent background, for the SVG's embedded image. */
    static BufferedImage paintDotsOnly(StaticLayout layout) {
        BufferedImage image = new BufferedImage(layout.width, layout.height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = graphics(image);
        try {
            paintDots(layout, g);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Writes {@code image} as PNG to {@code out} (which stays open). */
    static void writePng(BufferedImage image, OutputStream out) throws IOException {
        PngEncoder.write(image, out);
    }

    private static Graphics2D graphics(BufferedImage image) {
        Fonts.headless();
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        return g;
    }

    private static void paintDots(StaticLayout layout, Graphics2D g) {
        double r = layout.radius;
        Ellipse2D.Double dot = new Ellipse2D.Double(0, 0, 2 * r, 2 * r);
        for (StaticLayout.DotGroup group : layout.groups) {
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) group.opacity()));
            g.setColor(colour(group.colour()));
            for (int k = 0; k < group.size(); k++) {
                int i = group.point(k);
                dot.x = layout.x[i] - r;
                dot.y = layout.y[i] - r;
                g.fill(dot);
            }
        }
        g.setComposite(AlphaComposite.SrcOver);
    }

    private static void paintOverlay(StaticLayout layout, Graphics2D g) {
        for (StaticLayout.Swatch s : layout.swatches) {
            g.setColor(colour(s.colour()));
            g.fill(new Ellipse2D.Double(s.x() - s.radius(), s.y() - s.radius(), 2 * s.radius(), 2 * s.radius()));
        }
        for (StaticLayout.Text t : layout.texts) {
            paintText(t, g);
        }
    }

    private static void paintText(StaticLayout.Text t, Graphics2D g) {
        java.awt.Font font = Fonts.font(t.size(), t.bold());
        for (int line = 0; line < t.lines().size(); line++) {
            String text = t.lines().get(line);
            if (text.isEmpty()) {
                continue;
            }
            TextLayout shape = new TextLayout(text, font, g.getFontRenderContext());
            double advance = shape.getAdvance();
            double left = switch (t.align()) {
                case START -> t.x();
                case MIDDLE -> t.x() - advance / 2;
                case END -> t.x() - advance;
            };
            double baseline = t.y() + line * t.size() * LabelPlacer.LINE_HEIGHT;
            Shape outline = shape.getOutline(AffineTransform.getTranslateInstance(left, baseline));
            if (t.halo() > 0) {
                g.setColor(Color.WHITE);
                g.setStroke(new BasicStroke((float) t.halo(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(outline);
            }
            g.setColor(colour(t.colour()));
            g.fill(outline);
        }
    }

    private static Color colour(String hex) {
        int[] rgb = Palette.rgb(hex);
        return new Color(rgb[0], rgb[1], rgb[2]);
    }
}
