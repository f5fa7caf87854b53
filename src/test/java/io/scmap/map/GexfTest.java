package io.scmap.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The GEXF graph, checked structurally with the JDK's DOM parser (the JDK has no RELAX NG validator):
 * namespaces, required elements and attributes, declared attribute ids and types, unique node ids, edges
 * between existing nodes, numbers that parse and lie in range. When {@code xmllint} is installed the file
 * is also validated against the GEXF 1.3 RELAX NG grammar in ../shared.
 */
class GexfTest {
    private static final Set<String> TYPES =
            Set.of("integer", "long", "double", "float", "boolean", "string", "anyURI");

    @TempDir
    Path dir;

    @Test
    void writesAStructurallyValidGexf13Graph() throws Exception {
        Atlas atlas = SampleAtlases.hostile();
        Document doc = parse(write(atlas));
        Element root = doc.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(GexfWriter.NS);
        assertThat(root.getLocalName()).isEqualTo("gexf");
        assertThat(root.getAttribute("version")).isEqualTo("1.3");
        Element graph = only(root, "graph");
        assertThat(graph.getAttribute("defaultedgetype")).isEqualTo("directed");

        Map<String, String> nodeAttributes = declared(graph, "node");
        Map<String, String> edgeAttributes = declared(graph, "edge");
        assertThat(nodeAttributes)
                .containsEntry("followers", "long")
                .containsEntry("emerge_date", "string")
                .containsEntry("generation", "string")
                .containsEntry("scene", "string")
                .containsEntry("url", "anyURI");
        assertThat(edgeAttributes).containsOnlyKeys("likes", "comments", "reposts", "follows");

        Element nodes = only(graph, "nodes");
        List<Element> nodeList = children(nodes, GexfWriter.NS, "node");
        assertThat(nodeList).hasSize(atlas.points().size());
        assertThat(Integer.parseInt(nodes.getAttribute("count"))).isEqualTo(nodeList.size());
        Set<String> ids = new HashSet<>();
        for (Element n : nodeList) {
            assertThat(ids.add(n.getAttribute("id")))
                    .as("unique id %s", n.getAttribute("id"))
                    .isTrue();
            assertThat(n.hasAttribute("label")).isTrue();
            checkAttValues(n, nodeAttributes);
            checkViz(n);
        }

        Element edges = only(graph, "edges");
        List<Element> edgeList = children(edges, GexfWriter.NS, "edge");
        assertThat(Integer.parseInt(edges.getAttribute("count"))).isEqualTo(edgeList.size());
        Set<String> edgeIds = new HashSet<>();
        for (Element e : edgeList) {
            assertThat(edgeIds.add(e.getAttribute("id"))).isTrue();
            assertThat(ids).contains(e.getAttribute("source"), e.getAttribute("target"));
            assertThat(Double.parseDouble(e.getAttribute("weight"))).isFinite();
            checkAttValues(e, edgeAttributes);
        }
    }

    @Test
    void keepsTiesHeavierThanTheThresholdBetweenPoints() throws Exception {
        Atlas atlas = SampleAtlases.hostile();
        Element graph = only(parse(write(atlas)).getDocumentElement(), "graph");
        List<Element> edges = children(only(graph, "edges"), GexfWriter.NS, "edge");
        // Of the four sample ties, one weighs exactly 3 and one leads to an account that is not a point.
        assertThat(edges)
                .extracting(e -> e.getAttribute("source") + ">" + e.getAttribute("target"))
                .containsExactly("artist-0>artist-1", "artist-2>artist-3");
        Map<String, String> counts = attValues(edges.get(0));
        assertThat(counts)
                .containsEntry("likes", "1")
                .containsEntry("follows", "2")
                .containsEntry("comments", "0");

        Path all = dir.resolve("all.gexf");
        Maps.writeGexf(atlas, all, GexfParams.DEFAULTS.withMinEdgeWeight(Double.NEGATIVE_INFINITY));
        assertThat(children(only(only(parse(all).getDocumentElement(), "graph"), "edges"), GexfWriter.NS, "edge"))
                .hasSize(3);
    }

    @Test
    void escapesHostileNamesAndParsesThemBackEqual() throws Exception {
        Atlas atlas = SampleAtlases.hostile();
        Path file = write(atlas);
        String xml = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(xml).doesNotContain(SampleAtlases.IMG).contains("&lt;img src=x onerror=alert(1)&gt;");
        assertThat(xml).doesNotContain("<script").doesNotContain("<b>");
        Map<String, Element> byId = new HashMap<>();
        List<Element> nodes =
                children(only(only(parse(file).getDocumentElement(), "graph"), "nodes"), GexfWriter.NS, "node");
        nodes.forEach(n -> byId.put(n.getAttribute("id"), n));
        for (MapPoint p : atlas.points()) {
            Element n = byId.get(p.permalink());
            assertThat(n.getAttribute("label")).isEqualTo(GexfWriter.token(p.name()));
            assertThat(attValues(n)).containsEntry("url", "https://soundcloud.com/" + p.permalink());
        }
        assertThat(byId.get("artist-0").getAttribute("label")).isEqualTo(SampleAtlases.IMG);
        assertThat(byId.get("artist-2").getAttribute("label")).isEqualTo("He said \"hi\", then left");
        assertThat(byId.get("artist-6").getAttribute("label")).isEqualTo("DJ 🎧🔥 Ünïcødé");
        assertThat(byId.get("artist-4").getAttribute("label")).isEqualTo("two lines");
        assertThat(attValues(byId.get("artist-1"))).containsEntry("scene", SampleAtlases.IMG);
    }

    @Test
    void writesTheSameBytesForTheSameAtlas() throws Exception {
        Atlas atlas = SampleAtlases.random(500, 6, 3);
        byte[] first = Files.readAllBytes(write(atlas));
        assertThat(Files.readAllBytes(write(atlas))).isEqualTo(first);
    }

    @Test
    void replacesCharactersXmlCannotHold() {
        assertThat(GexfWriter.clean("a\u0000b\u0007c\uD800d\tz😀")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd z😀");
        assertThat(GexfWriter.token("  a \n\n b  ")).isEqualTo("a b");
    }

    @Test
    void colourIsTheSceneColourAndForNoiseTheGenerationColour() throws Exception {
        Atlas atlas = SampleAtlases.hostile();
        Map<String, Element> byId = new HashMap<>();
        children(only(only(parse(write(atlas)).getDocumentElement(), "graph"), "nodes"), GexfWriter.NS, "node")
                .forEach(n -> byId.put(n.getAttribute("id"), n));
        assertThat(rgb(byId.get("artist-0"))).isEqualTo(hex(Palette.scene(0)));
        assertThat(rgb(byId.get("artist-1"))).isEqualTo(hex(Palette.scene(1)));
        MapPoint noise = atlas.points().get(2);
        assertThat(noise.isNoise()).isTrue();
        assertThat(rgb(byId.get("artist-2"))).isEqualTo(hex(noise.generation().colour()));
    }

    @Test
    void validatesAgainstTheRelaxNgGrammarWhenXmllintIsInstalled() throws Exception {
        Path schema = Path.of(System.getProperty("scmap.shared", "../shared"), "schemas/gexf-1.3/gexf.rng");
        Assumptions.assumeTrue(Files.isRegularFile(schema), "GEXF grammar absent: skipping RELAX NG check");
        Assumptions.assumeTrue(onPath("xmllint"), "xmllint not installed: skipping RELAX NG check");
        Path file = write(SampleAtlases.hostile());
        Process p = new ProcessBuilder("xmllint", "--noout", "--relaxng", schema.toString(), file.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("validates");
    }

    private Path write(Atlas atlas) throws IOException {
        Path file = dir.resolve(Maps.GEXF);
        Maps.writeGexf(atlas, file);
        return file;
    }

    private static void checkAttValues(Element owner, Map<String, String> declared) {
        attValues(owner).forEach((id, value) -> {
            assertThat(declared).containsKey(id);
            switch (declared.get(id)) {
                case "long", "integer" -> Long.parseLong(value);
                case "double", "float" -> Double.parseDouble(value);
                case "anyURI" -> java.net.URI.create(value);
                default -> {}
            }
        });
    }

    private static void checkViz(Element node) {
        Element size = onlyViz(node, "size");
        assertThat(Float.parseFloat(size.getAttribute("value"))).isGreaterThanOrEqualTo(0f);
        Element position = onlyViz(node, "position");
        assertThat(Float.parseFloat(position.getAttribute("x"))).isBetween(-1000.5f, 1000.5f);
        assertThat(Float.parseFloat(position.getAttribute("y"))).isBetween(-1000.5f, 1000.5f);
        for (int c : rgb(node)) {
            assertThat(c).isBetween(0, 255);
        }
    }

    private static int[] rgb(Element node) {
        Element color = onlyViz(node, "color");
        return new int[] {
            Integer.parseInt(color.getAttribute("r")),
            Integer.parseInt(color.getAttribute("g")),
            Integer.parseInt(color.getAttribute("b"))
        };
    }

    private static int[] hex(String colour) {
        return Palette.rgb(colour);
    }

    private static Map<String, String> declared(Element graph, String cls) {
        Map<String, String> types = new HashMap<>();
        for (Element attributes : children(graph, GexfWriter.NS, "attributes")) {
            if (attributes.getAttribute("class").equals(cls)) {
                for (Element a : children(attributes, GexfWriter.NS, "attribute")) {
                    assertThat(a.getAttribute("title")).isNotEmpty();
                    assertThat(TYPES).contains(a.getAttribute("type"));
                    assertThat(types.put(a.getAttribute("id"), a.getAttribute("type")))
                            .isNull();
                }
            }
        }
        return types;
    }

    private static Map<String, String> attValues(Element owner) {
        Map<String, String> values = new HashMap<>();
        for (Element box : children(owner, GexfWriter.NS, "attvalues")) {
            for (Element v : children(box, GexfWriter.NS, "attvalue")) {
                assertThat(values.put(v.getAttribute("for"), v.getAttribute("value")))
                        .isNull();
            }
        }
        return values;
    }

    private static Element only(Element parent, String name) {
        List<Element> found = children(parent, GexfWriter.NS, name);
        assertThat(found).as("<%s> in <%s>", name, parent.getLocalName()).hasSize(1);
        return found.get(0);
    }

    private static Element onlyViz(Element parent, String name) {
        List<Element> found = children(parent, GexfWriter.VIZ, name);
        assertThat(found).as("<viz:%s>", name).hasSize(1);
        return found.get(0);
    }

    private static List<Element> children(Element parent, String ns, String name) {
        List<Element> out = new ArrayList<>();
        NodeList list = parent.getChildNodes();
        for (int i = 0; i < list.getLength(); i++) {
            Node n = list.item(i);
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(java.io.File.pathSeparator, -1)) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }
}
