package io.scmap.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scmap.cluster.Generation;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class StaticMapTest {
    private static final StaticMapParams SMALL = StaticMapParams.DEFAULTS.withWidth(900);

    @TempDir
    Path dir;

    @Test
    void pngIsThreeThousandPixelsWideAndShowsEveryBigSceneInItsColour() throws Exception {
        Atlas atlas = SampleAtlases.random(3000, 8, 11);
        Path file = dir.resolve(Maps.PNG);
        Maps.writePng(atlas, file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(3000);
        assertThat(image.getHeight()).isBetween(1200, 4000);
        List<Scenes.Scene> scenes = Scenes.of(atlas);
        assertThat(scenes).hasSize(8);
        for (Scenes.Scene scene : scenes) {
            assertThat(pixelsTinted(image, scene.colour()))
                    .as("pixels tinted with %s (%s)", scene.colour(), scene.label())
                    .isGreaterThan(2000);
        }
        assertThat(pixelsTinted(image, Palette.NOISE)).as("unclustered grey").isGreaterThan(500);
    }

    @Test
    void pngIsTheSameBytesEveryTimeAndCarriesNoTimeStamp() throws Exception {
        Atlas atlas = SampleAtlases.random(500, 5, 3);
        Maps.writePng(atlas, dir.resolve("a.png"), SMALL);
        Maps.writePng(atlas, dir.resolve("b.png"), SMALL);
        byte[] a = Files.readAllBytes(dir.resolve("a.png"));
        assertThat(a).isEqualTo(Files.readAllBytes(dir.resolve("b.png")));
        assertThat(chunkTypes(a)).containsOnly("IHDR", "pHYs", "IDAT", "IEND").doesNotContain("tIME");
    }

    @Test
    void placedLabelsNeverOverlapAndStayOnTheMap() {
        StaticLayout layout = StaticLayout.of(SampleAtlases.random(4000, 40, 5), StaticMapParams.DEFAULTS);
        List<Box> boxes = layout.labels.boxes();
        assertThat(boxes).hasSizeGreaterThan(10);
        for (int i = 0; i < boxes.size(); i++) {
            Box a = boxes.get(i);
            assertThat(a.x()).isGreaterThanOrEqualTo(0);
            assertThat(a.y()).isGreaterThanOrEqualTo(0);
            assertThat(a.right()).isLessThanOrEqualTo(layout.width);
            assertThat(a.bottom()).isLessThanOrEqualTo(layout.height);
            for (int j = i + 1; j < boxes.size(); j++) {
                Box b = boxes.get(j);
                boolean apart = a.right() <= b.x() || b.right() <= a.x() || a.bottom() <= b.y() || b.bottom() <= a.y();
                assertThat(apart).as("label boxes %s and %s", a, b).isTrue();
            }
        }
        assertThat(layout.labels.placed().size() + layout.labels.dropped().size())
                .isEqualTo(40);
    }

    @Test
    void svgIsXmlWithAViewBoxAndOneTextPerPlacedLabel() throws Exception {
        Atlas atlas = SampleAtlases.random(800, 12, 7);
        Path file = dir.resolve(Maps.SVG);
        Maps.writeSvg(atlas, file, SMALL);
        Document svg = parse(file);
        StaticLayout layout = StaticLayout.of(atlas, SMALL);
        Element root = svg.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("svg");
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 900 " + layout.height);
        List<String> labels = textsOfClass(svg, "label");
        List<String> expected = layout.labels.placed().stream()
                .map(p -> String.join("", p.request().lines()))
                .toList();
        assertThat(labels).hasSize(layout.labels.placed().size()).containsExactlyElementsOf(expected);
        assertThat(svg.getElementsByTagName("circle").getLength()).isEqualTo(800 + layout.swatches.size());
        assertThat(textsOfClass(svg, "title")).containsExactly("Random atlas");
    }

    @Test
    void hostileSceneLabelsAndTitleStayText() throws Exception {
        String hostile = "</text><script>alert(1)";
        Atlas atlas =
                withSceneLabels(SampleAtlases.random(300, 3, 2), hostile, "a & b \"quoted\" 'single' <c>", "\u202E🎧");
        atlas = atlas.withTitle("<svg onload=alert(1)> & \u0000title\u2028two");
        Path file = dir.resolve(Maps.SVG);
        Maps.writeSvg(atlas, file, SMALL);
        Maps.writePng(atlas, dir.resolve(Maps.PNG), SMALL);
        Document svg = parse(file);
        assertThat(svg.getElementsByTagName("script").getLength()).isZero();
        assertThat(String.join("\n", textsOfClass(svg, "label")))
                .contains(hostile)
                .contains("a & b \"quoted\"");
        assertThat(String.join("\n", textsOfClass(svg, "legend"))).contains("</text><script>");
        assertThat(textsOfClass(svg, "title")).containsExactly("<svg onload=alert(1)> & title two");
        assertThat(svg.getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("<svg onload=alert(1)> & title two");
        String raw = Files.readString(file);
        assertThat(raw).doesNotContain("<script").doesNotContain("\u202E").contains("&lt;/text&gt;&lt;script&gt;");
        assertThat(ImageIO.read(dir.resolve(Maps.PNG).toFile()).getWidth()).isEqualTo(900);
    }

    @Test
    void svgEmbedsTheDotsAsAnImageAboveTheCircleLimit() throws Exception {
        Atlas atlas = SampleAtlases.random(120, 3, 9);
        Maps.writeSvg(atlas, dir.resolve("circles.svg"), SMALL.withSvgCircleLimit(120));
        Document circles = parse(dir.resolve("circles.svg"));
        assertThat(circles.getElementsByTagName("image").getLength()).isZero();
        assertThat(byId(circles, "points").getElementsByTagName("circle").getLength())
                .isEqualTo(120);

        Maps.writeSvg(atlas, dir.resolve("image.svg"), SMALL.withSvgCircleLimit(119));
        Document image = parse(dir.resolve("image.svg"));
        NodeList images = image.getElementsByTagName("image");
        assertThat(images.getLength()).isEqualTo(1);
        Element points = (Element) images.item(0);
        assertThat(points.getAttribute("id")).isEqualTo("points");
        String href = points.getAttributeNS("http://www.w3.org/1999/xlink", "href");
        assertThat(href).startsWith("data:image/png;base64,");
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(
                Base64.getDecoder().decode(href.substring("data:image/png;base64,".length()))));
        assertThat(png.getWidth()).isEqualTo(900);
        assertThat(png.getColorModel().hasAlpha()).isTrue();
        assertThat(png.getRGB(0, 0) >>> 24)
                .as("transparent where there is no dot")
                .isZero();
        // The image lies under the text: every <text> comes after it.
        String raw = Files.readString(dir.resolve("image.svg"));
        assertThat(raw.indexOf("<image")).isLessThan(raw.indexOf("<text"));
        assertThat(image.getElementsByTagName("circle").getLength())
                .isEqualTo(StaticLayout.of(atlas, SMALL).swatches.size());
    }

    @Test
    void generationColouringShowsTheSixErasInTheLegend() throws Exception {
        Atlas atlas = SampleAtlases.random(600, 4, 4);
        StaticMapParams byGeneration = SMALL.withColouring(StaticMapParams.Colouring.GENERATION);
        Maps.writeSvg(atlas, dir.resolve(Maps.SVG), byGeneration);
        List<String> legend = textsOfClass(parse(dir.resolve(Maps.SVG)), "legend");
        for (Generation g : Generation.values()) {
            assertThat(legend).contains(g.label());
        }
        StaticLayout layout = StaticLayout.of(atlas, byGeneration);
        assertThat(layout.groups)
                .extracting(StaticLayout.DotGroup::colour)
                .allMatch(c -> c.equals(Palette.NOISE)
                        || Arrays.stream(Generation.values())
                                .anyMatch(g -> g.colour().equals(c)));
    }

    @Test
    void anEmptyAtlasGivesAMapThatSaysSo() throws Exception {
        Atlas empty = new Atlas("nothing yet", List.of(), List.of(), Map.of(), Map.of());
        Maps.writePng(empty, dir.resolve(Maps.PNG), SMALL);
        Maps.writeSvg(empty, dir.resolve(Maps.SVG), SMALL);
        assertThat(ImageIO.read(dir.resolve(Maps.PNG).toFile()).getWidth()).isEqualTo(900);
        Document svg = parse(dir.resolve(Maps.SVG));
        assertThat(textsOfClass(svg, "empty")).containsExactly("No artists to show");
        assertThat(textsOfClass(svg, "label")).isEmpty();
    }

    @Test
    void drawsWithoutADisplay() throws Exception {
        Maps.writePng(SampleAtlases.random(50, 2, 1), dir.resolve(Maps.PNG), SMALL);
        // Set by the writer when the caller left it unset (the build does not set it).
        assertThat(System.getProperty("java.awt.headless")).isEqualTo("true");
        assertThat(java.awt.GraphicsEnvironment.isHeadless()).isTrue();
    }

    @Test
    void aSinglePointOrAllPointsInOnePlaceStillDraw() throws Exception {
        List<MapPoint> points = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            points.add(new MapPoint(i, "p" + i, "P", 1, null, null, 5, 5, 0, "one place"));
        }
        Atlas atlas = new Atlas("stacked", points, List.of(), Map.of(), Map.of(0, "one place"));
        StaticLayout layout = StaticLayout.of(atlas, SMALL);
        assertThat(layout.x[0]).isBetween(0f, 900f);
        assertThat(layout.labels.placed()).hasSize(1);
        Maps.writePng(atlas, dir.resolve(Maps.PNG), SMALL);
        assertThat(ImageIO.read(dir.resolve(Maps.PNG).toFile())).isNotNull();
    }

    @Test
    void paramsNameTheBadFieldAndValue() {
        assertThatThrownBy(() -> StaticMapParams.DEFAULTS.withWidth(599))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("width must be between 600 and 10000, got 599");
        assertThatThrownBy(() -> StaticMapParams.DEFAULTS.withSvgCircleLimit(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("svgCircleLimit must be >= 0, got -1");
        assertThat(StaticMapParams.DEFAULTS.toMap())
                .containsExactly(
                        Map.entry("width", 3000), Map.entry("colouring", "scene"), Map.entry("svgCircleLimit", 50_000));
    }

    /**
     * Pixels that lie on the line from white to {@code hex}, at least a third of the way: what dots of
     * that colour, at any opacity and overlapping each other, leave on a white background.
     */
    private static int pixelsTinted(BufferedImage image, String hex) {
        int[] c = Palette.rgb(hex);
        int k = 0; // the channel that moves most from white, to read how far along the line a pixel is
        for (int i = 1; i < 3; i++) {
            if (255 - c[i] > 255 - c[k]) {
                k = i;
            }
        }
        int count = 0;
        int[] p = new int[3];
        for (int v : image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth())) {
            if ((v & 0xffffff) == 0xffffff) {
                continue;
            }
            p[0] = (v >> 16) & 0xff;
            p[1] = (v >> 8) & 0xff;
            p[2] = v & 0xff;
            double t = (255.0 - p[k]) / (255.0 - c[k]);
            if (t < 0.33 || t > 1.02) {
                continue;
            }
            boolean onLine = true;
            for (int i = 0; i < 3; i++) {
                onLine &= Math.abs(255 - t * (255 - c[i]) - p[i]) <= 3;
            }
            if (onLine) {
                count++;
            }
        }
        return count;
    }

    private static List<String> chunkTypes(byte[] png) {
        List<String> types = new ArrayList<>();
        int at = 8;
        while (at < png.length) {
            int length = ((png[at] & 0xff) << 24)
                    | ((png[at + 1] & 0xff) << 16)
                    | ((png[at + 2] & 0xff) << 8)
                    | (png[at + 3] & 0xff);
            types.add(new String(png, at + 4, 4, java.nio.charset.StandardCharsets.US_ASCII));
            at += 12 + length;
        }
        return types;
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static List<String> textsOfClass(Document svg, String cls) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = svg.getElementsByTagName("text");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (e.getAttribute("class").equals(cls)) {
                texts.add(e.getTextContent());
            }
        }
        return texts;
    }

    private static Element byId(Document svg, String id) {
        NodeList all = svg.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.getAttribute("id").equals(id)) {
                return e;
            }
        }
        throw new AssertionError("no element with id " + id);
    }

    private static Atlas withSceneLabels(Atlas atlas, String... labels) {
        List<MapPoint> points = new ArrayList<>();
        for (MapPoint p : atlas.points()) {
            String label = p.isNoise() ? "" : labels[p.cluster()];
            points.add(new MapPoint(
                    p.id(),
                    p.permalink(),
                    p.name(),
                    p.followers(),
                    p.emergeDate(),
                    p.generation(),
                    p.x(),
                    p.y(),
                    p.cluster(),
                    label));
        }
        Map<Integer, String> scenes = new java.util.LinkedHashMap<>();
        for (int c = 0; c < labels.length; c++) {
            scenes.put(c, labels[c]);
        }
        return new Atlas(atlas.title(), points, atlas.edges(), atlas.neighbors(), scenes);
    }
}
