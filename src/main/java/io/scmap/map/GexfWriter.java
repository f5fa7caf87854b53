package io.scmap.map;

import io.scmap.cluster.Generation;
import io.scmap.source.InteractionType;
import java.io.IOException;
import java.io.Writer;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;

/**
 * Writes an atlas as a GEXF 1.3 graph for Gephi: one node per point (id = permalink, label = display
 * name, attributes followers, emerge_date, generation, scene, cluster, url; viz position, colour and size)
 * and one directed edge per tie whose two ends are points and whose weight passes {@link GexfParams}.
 *
 * <p>Edges are directed ({@code defaultedgetype="directed"}) because a tie is one artist's interactions
 * with another's work: A liking B says nothing of B liking A. Positions are the map coordinates centred and
 * scaled so that the larger half-extent is 1000 units (Gephi's y axis points up, as the map's does); node
 * size is {@code 2 + 4 log10(1 + followers)}; colour is the scene's, for noise the generation's. Text that
 * XML cannot carry (control characters, lone surrogates) becomes U+FFFD and line breaks become spaces,
 * since attribute values are normalised anyway. Linear in the number of points and edges.
 */
final class GexfWriter {
    static final String NS = "http://gexf.net/1.3";
    static final String VIZ = "http://gexf.net/1.3/viz";
    private static final double HALF_EXTENT = 1000;
    private static final String[] INDENTS =
            IntStream.range(0, 8).mapToObj(d -> "\n" + "  ".repeat(d)).toArray(String[]::new);

    private final XMLStreamWriter xml;
    private int depth;

    private GexfWriter(XMLStreamWriter xml) {
        this.xml = xml;
    }

    static void write(Atlas atlas, GexfParams params, Writer out) throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            new GexfWriter(xml).document(atlas, params);
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write GEXF: " + e.getMessage(), e);
        }
    }

    private void document(Atlas atlas, GexfParams params) throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.setDefaultNamespace(NS);
        xml.setPrefix("viz", VIZ);
        xml.writeStartElement(NS, "gexf");
        xml.writeDefaultNamespace(NS);
        xml.writeNamespace("viz", VIZ);
        xml.writeAttribute("version", "1.3");
        open("meta");
        textElement("creator", "scmap " + Versions.tool());
        textElement("description", clean(atlas.title()));
        close();
        open("graph");
        xml.writeAttribute("defaultedgetype", "directed");
        xml.writeAttribute("idtype", "string");
        declareAttributes();
        nodes(atlas);
        edges(atlas, params);
        close();
        depth--;
        newline();
        xml.writeEndElement();
        xml.writeEndDocument();
    }

    private void declareAttributes() throws XMLStreamException {
        open("attributes");
        xml.writeAttribute("class", "node");
        declare("followers", "long");
        declare("emerge_date", "string");
        declare("generation", "string");
        declare("scene", "string");
        declare("cluster", "integer");
        declare("url", "anyURI");
        close();
        open("attributes");
        xml.writeAttribute("class", "edge");
        for (InteractionType type : InteractionType.values()) {
            declare(Tables.countColumn(type), "integer");
        }
        close();
    }

    private void declare(String id, String type) throws XMLStreamException {
        empty("attribute");
        xml.writeAttribute("id", id);
        xml.writeAttribute("title", id);
        xml.writeAttribute("type", type);
    }

    private void nodes(Atlas atlas) throws XMLStreamException {
        List<MapPoint> points = atlas.points();
        Map<Integer, Scenes.Scene> scenes =
                Scenes.of(atlas).stream().collect(Collectors.toMap(Scenes.Scene::cluster, s -> s));
        Layout layout = Layout.of(points);
        open("nodes");
        xml.writeAttribute("count", Integer.toString(points.size()));
        for (MapPoint p : points) {
            Scenes.Scene scene = scenes.get(p.cluster());
            open("node");
            xml.writeAttribute("id", clean(p.permalink()));
            xml.writeAttribute("label", token(p.name()));
            open("attvalues");
            if (p.followers() >= 0) {
                attValue("followers", Long.toString(p.followers()));
            }
            if (p.emergeDate() != null) {
                attValue("emerge_date", String.valueOf(p.emergeDate()));
            }
            Generation g = p.generation();
            if (g != null) {
                attValue("generation", g.label());
            }
            attValue("scene", scene == null ? "" : clean(scene.label()));
            attValue("cluster", Integer.toString(p.cluster()));
            attValue("url", p.url());
            close();
            viz(p, scene, layout);
            close();
        }
        close();
    }

    private void viz(MapPoint p, Scenes.@Nullable Scene scene, Layout layout) throws XMLStreamException {
        emptyViz("size");
        xml.writeAttribute("value", number(2 + 4 * Math.log10(1.0 + Math.max(0, p.followers()))));
        emptyViz("position");
        xml.writeAttribute("x", number((p.x() - layout.cx) * layout.scale));
        xml.writeAttribute("y", number((p.y() - layout.cy) * layout.scale));
        xml.writeAttribute("z", "0.0");
        Generation g = p.generation();
        String colour = scene != null ? scene.colour() : g != null ? g.colour() : Palette.NOISE;
        int[] rgb = Palette.rgb(colour);
        emptyViz("color");
        xml.writeAttribute("r", Integer.toString(rgb[0]));
        xml.writeAttribute("g", Integer.toString(rgb[1]));
        xml.writeAttribute("b", Integer.toString(rgb[2]));
    }

    private void edges(Atlas atlas, GexfParams params) throws XMLStreamException {
        Set<String> nodes = new HashSet<>();
        atlas.points().forEach(p -> nodes.add(p.permalink()));
        List<MapEdge> kept = atlas.edges().stream()
                .filter(e -> e.weight() > params.minEdgeWeight())
                .filter(e -> nodes.contains(e.source()) && nodes.contains(e.target()))
                .toList();
        open("edges");
        xml.writeAttribute("count", Integer.toString(kept.size()));
        int id = 0;
        for (MapEdge e : kept) {
            open("edge");
            xml.writeAttribute("id", "e" + id++);
            xml.writeAttribute("source", clean(e.source()));
            xml.writeAttribute("target", clean(e.target()));
            xml.writeAttribute("weight", Double.toString(e.weight()));
            open("attvalues");
            for (InteractionType type : InteractionType.values()) {
                attValue(Tables.countColumn(type), Integer.toString(e.count(type)));
            }
            close();
            close();
        }
        close();
    }

    private void attValue(String id, String value) throws XMLStreamException {
        empty("attvalue");
        xml.writeAttribute("for", id);
        xml.writeAttribute("value", value);
    }

    private void textElement(String name, String text) throws XMLStreamException {
        newline();
        xml.writeStartElement(NS, name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private void open(String name) throws XMLStreamException {
        newline();
        xml.writeStartElement(NS, name);
        depth++;
    }

    private void close() throws XMLStreamException {
        depth--;
        newline();
        xml.writeEndElement();
    }

    private void empty(String name) throws XMLStreamException {
        newline();
        xml.writeEmptyElement(NS, name);
    }

    private void emptyViz(String name) throws XMLStreamException {
        newline();
        xml.writeEmptyElement(VIZ, name);
    }

    private void newline() throws XMLStreamException {
        xml.writeCharacters(INDENTS[Math.min(INDENTS.length - 1, Math.max(0, depth + 1))]);
    }

    /** The value rounded to four decimals (String.format is ten times slower at 400k calls). */
    private static String number(double v) {
        return Double.toString(Math.round(v * 1e4) / 1e4);
    }

    /** The text with characters XML 1.0 cannot hold replaced by U+FFFD and line breaks and tabs by spaces. */
    static String clean(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else if (c == '\t' || c == '\n' || c == '\r') {
                b.append(' ');
            } else if (c < 0x20 || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                b.append('\uFFFD');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** {@link #clean} with runs of spaces collapsed and ends trimmed, as an XML Schema token is. */
    static String token(String s) {
        String clean = clean(s).strip();
        StringBuilder b = new StringBuilder(clean.length());
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            if (c != ' ' || clean.charAt(i - 1) != ' ') {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Centre and scale that put the points within +-1000 units. */
    private record Layout(double cx, double cy, double scale) {
        static Layout of(List<MapPoint> points) {
            double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
            double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
            for (MapPoint p : points) {
                minX = Math.min(minX, p.x());
                maxX = Math.max(maxX, p.x());
                minY = Math.min(minY, p.y());
                maxY = Math.max(maxY, p.y());
            }
            if (points.isEmpty()) {
                return new Layout(0, 0, 1);
            }
            double half = Math.max(maxX - minX, maxY - minY) / 2;
            return new Layout((minX + maxX) / 2, (minY + maxY) / 2, half > 0 ? HALF_EXTENT / half : 1);
        }
    }
}
