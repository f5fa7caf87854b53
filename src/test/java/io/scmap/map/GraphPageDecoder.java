package io.scmap.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads the data of a generated {@code graph.html} back the way its scripts do: the points with {@link
 * PageDecoder} (they are packed as for the map), the ties from their own JSON part and payload.
 */
final class GraphPageDecoder {
    static final String GRAPH_META_OPEN = "<script type=\"application/json\" id=\"graph-meta\">";
    static final String EDGES_OPEN = "<script type=\"application/octet-stream\" id=\"edges\">";

    /** One directed tie as the page holds it: weight in single precision. */
    record Tie(String source, String target, float weight) {}

    /** The decoded page: its points, the JSON part of its ties, and the ties in payload order. */
    record Graph(PageDecoder.Page page, JsonNode meta, List<Tie> ties) {}

    private GraphPageDecoder() {}

    static Graph decode(String html) {
        PageDecoder.Page page = PageDecoder.decode(html);
        try {
            JsonNode meta = new ObjectMapper().readTree(PageDecoder.element(html, GRAPH_META_OPEN));
            byte[] zipped = Base64.getDecoder()
                    .decode(PageDecoder.element(html, EDGES_OPEN).strip());
            byte[] raw;
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped))) {
                raw = in.readAllBytes();
            }
            Map<String, Object> col = PageDecoder.columns(meta, raw);
            double[] count = (double[]) col.get("edgeCount");
            double[] target = (double[]) col.get("edgeTarget");
            double[] weight = (double[]) col.get("edgeWeight");
            List<Tie> ties = new ArrayList<>();
            int e = 0;
            for (int i = 0; i < count.length; i++) {
                for (int c = 0; c < count[i]; c++, e++) {
                    String source = page.points().get(i).permalink();
                    String to = page.points().get(i + (int) target[e]).permalink();
                    ties.add(new Tie(source, to, (float) weight[e]));
                }
            }
            return new Graph(page, meta, ties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
