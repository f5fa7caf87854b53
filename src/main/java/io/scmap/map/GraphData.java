package io.scmap.map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The ties of {@code graph.html}, packed beside the points of {@link PageData}: a small JSON document
 * (how many ties the page holds, how many the atlas has, the layout of the columns) and a gzip'ed binary
 * payload as base64 (see {@link ColumnPacker}). The ties go in adjacency-list form over the points' page
 * order ({@link PageData#spatialOrder}): edgeCount (how many ties each point is the source of), then for
 * each tie, grouped by source and sorted by target, edgeTarget (the target's page index minus the
 * source's, small because ties mostly join artists near on the map) and edgeWeight (f32).
 *
 * <p>A tie is kept when both ends are points and differ: ties to artists off the map and an artist's
 * ties to itself have nothing to draw. Ties stay directed and are not merged; the page joins {@code a →
 * b} and {@code b → a} into one line. O(n + e log e) for n points and e ties; the same atlas gives the same
 * bytes.
 */
final class GraphData {
    private static final JsonFactory FACTORY =
            JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private final int atlasEdges;
    private final int edges;
    private final List<ColumnPacker.Column> columns;
    private final byte[] payload;

    private GraphData(int atlasEdges, int edges, List<ColumnPacker.Column> columns, byte[] payload) {
        this.atlasEdges = atlasEdges;
        this.edges = edges;
        this.columns = columns;
        this.payload = payload;
    }

    /** Packs the ties of {@code atlas} between its points. */
    static GraphData of(Atlas atlas) {
        List<MapPoint> points = atlas.points();
        int n = points.size();
        int[] order = PageData.spatialOrder(points);
        Map<String, Integer> pageIndex = new HashMap<>(n * 2);
        for (int k = 0; k < n; k++) {
            pageIndex.put(points.get(order[k]).permalink(), k);
        }
        List<MapEdge> all = atlas.edges();
        int[] source = new int[all.size()];
        int[] target = new int[all.size()];
        float[] weight = new float[all.size()];
        int e = 0;
        for (MapEdge edge : all) {
            Integer s = pageIndex.get(edge.source());
            Integer t = pageIndex.get(edge.target());
            if (s != null && t != null && !s.equals(t)) {
                source[e] = s;
                target[e] = t;
                weight[e++] = (float) edge.weight();
            }
        }
        int[] sorted = bySourceThenTarget(source, target, e);
        int[] count = new int[n];
        for (int k = 0; k < e; k++) {
            count[source[k]]++;
        }
        ColumnPacker packer = new ColumnPacker();
        packer.integers("edgeCount", n, i -> count[i]);
        packer.integers("edgeTarget", e, k -> target[sorted[k]] - source[sorted[k]]);
        packer.float32("edgeWeight", e, k -> weight[sorted[k]]);
        return new GraphData(all.size(), e, packer.columns(), packer.finish());
    }

    /** The first {@code e} tie indices ordered by source, then target, then input order. */
    private static int[] bySourceThenTarget(int[] source, int[] target, int e) {
        long[] keys = new long[e];
        for (int k = 0; k < e; k++) {
            keys[k] = (long) source[k] << 32 | target[k];
        }
        // A stable sort keeps ties between the same two artists in input order.
        return IntStream.range(0, e)
                .boxed()
                .sorted(Comparator.comparingLong(k -> keys[k]))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    /** Writes the payload as base64, which needs no escaping inside a script element. */
    void writePayload(Writer out) throws IOException {
        Base64.Encoder encoder = Base64.getEncoder();
        int chunk = 3 << 14;
        for (int at = 0; at < payload.length; at += chunk) {
            byte[] part = Arrays.copyOfRange(payload, at, Math.min(payload.length, at + chunk));
            out.write(new String(encoder.encode(part), StandardCharsets.US_ASCII));
        }
    }

    /** Writes the JSON part; wrap {@code out} in a {@link ScriptSafeWriter} for HTML. */
    void writeJson(Writer out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("edges", edges);
            g.writeNumberField("atlasEdges", atlasEdges);
            g.writeArrayFieldStart("columns");
            for (ColumnPacker.Column c : columns) {
                g.writeStartObject();
                g.writeStringField("name", c.name());
                g.writeStringField("type", c.type());
                g.writeNumberField("length", c.length());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }
}
