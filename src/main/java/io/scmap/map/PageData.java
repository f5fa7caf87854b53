package io.scmap.map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.scmap.cluster.Generation;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The data the page reads, in two parts. A small JSON document (title, generations, scenes with label,
 * colour, label position and size, the noise colour, the point count and the layout of the columns) is
 * embedded as text. The points go column by column into a gzip'ed binary payload (see {@link
 * ColumnPacker}), embedded as base64: x and y (f32), followers (f64, -1 unknown), emergeDay (days since
 * 1970-01-01, {@value #NO_DATE} unknown), generation (index into generations, -1 unknown), cluster,
 * neighborCount and neighborOffset (each neighbour as its page index minus its point's, flattened),
 * permalink and name (strings). Points go in {@link #spatialOrder}. Binary columns
 * load at a million points without a JSON parse of tens of megabytes, and gzip shrinks the repetitive
 * strings. Each point keeps at most {@value #MAX_NEIGHBORS} neighbours, and only those that are points
 * themselves. Linear in the atlas size; the same atlas gives the same bytes.
 */
final class PageData {
    /** Neighbours kept per point: the card lists them as "artists like" the one shown. */
    static final int MAX_NEIGHBORS = 10;

    /** The emergeDay of a point whose emerge date is unknown. */
    static final int NO_DATE = Integer.MIN_VALUE;

    /** The generations in the order the page lists them; points refer to them by index. */
    private static final List<Generation> GENERATIONS = List.of(Generation.values());

    private static final JsonFactory FACTORY =
            JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private final Atlas atlas;
    private final List<ColumnPacker.Column> columns;
    private final byte[] payload;

    private PageData(Atlas atlas, List<ColumnPacker.Column> columns, byte[] payload) {
        this.atlas = atlas;
        this.columns = columns;
        this.payload = payload;
    }

    /** Packs the points of {@code atlas}, in {@link #spatialOrder} (the page does not need the atlas order). */
    static PageData of(Atlas atlas) {
        List<MapPoint> atlasPoints = atlas.points();
        int n = atlasPoints.size();
        int[] order = spatialOrder(atlasPoints);
        int[] pageIndex = new int[n];
        for (int k = 0; k < n; k++) {
            pageIndex[order[k]] = k;
        }
        List<MapPoint> p = Arrays.stream(order).mapToObj(atlasPoints::get).toList();
        int[][] atlasNear = neighbors(atlas);
        int[][] near = new int[n][];
        for (int k = 0; k < n; k++) {
            int self = k;
            near[k] = Arrays.stream(atlasNear[order[k]])
                    .map(j -> pageIndex[j] - self)
                    .toArray();
        }
        ColumnPacker packer = new ColumnPacker();
        packer.float32("x", n, i -> p.get(i).x());
        packer.float32("y", n, i -> p.get(i).y());
        packer.float64(
                "followers", n, i -> p.get(i).followers() < 0 ? -1 : p.get(i).followers());
        packer.integers("emergeDay", n, i -> day(p.get(i).emergeDate()));
        packer.integers("generation", n, i -> generation(p.get(i).generation()));
        packer.integers("cluster", n, i -> p.get(i).cluster());
        packer.integers("neighborCount", n, i -> near[i].length);
        int[] flat = Arrays.stream(near).flatMapToInt(Arrays::stream).toArray();
        packer.integers("neighborOffset", flat.length, i -> flat[i]);
        packer.strings("permalink", n, i -> p.get(i).permalink());
        packer.strings("name", n, i -> p.get(i).name());
        List<ColumnPacker.Column> columns = packer.columns();
        return new PageData(atlas, columns, packer.finish());
    }

    /**
     * The points' indices sorted along a Z-order (Morton) curve over their coordinates, quantised to 16
     * bits per axis; ties by index. Points near on the map get near indices, so a neighbour, which is
     * usually near on the map, is stored as a small offset from its point, which gzip packs several
     * times tighter than random indices. O(n log n), deterministic.
     */
    static int[] spatialOrder(List<MapPoint> points) {
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (MapPoint p : points) {
            x0 = Math.min(x0, p.x());
            x1 = Math.max(x1, p.x());
            y0 = Math.min(y0, p.y());
            y1 = Math.max(y1, p.y());
        }
        double span = Math.max(Math.max(x1 - x0, y1 - y0), Double.MIN_NORMAL);
        long[] keys = new long[points.size()];
        for (int i = 0; i < keys.length; i++) {
            long qx = Math.min(0xffff, (long) ((points.get(i).x() - x0) / span * 0x10000));
            long qy = Math.min(0xffff, (long) ((points.get(i).y() - y0) / span * 0x10000));
            keys[i] = (interleave(qx) | interleave(qy) << 1) << 31 | i;
        }
        Arrays.sort(keys);
        return Arrays.stream(keys).mapToInt(k -> (int) (k & 0x7fffffffL)).toArray();
    }

    /** The 16 low bits of {@code v} spread to the even bits of the result. */
    private static long interleave(long v) {
        long x = v & 0xffff;
        x = (x | x << 8) & 0x00ff00ffL;
        x = (x | x << 4) & 0x0f0f0f0fL;
        x = (x | x << 2) & 0x33333333L;
        return (x | x << 1) & 0x55555555L;
    }

    /** The packed columns, in payload order. */
    List<ColumnPacker.Column> columns() {
        return columns;
    }

    /** The gzip'ed payload. */
    byte[] payload() {
        return payload.clone();
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
            g.writeStringField("title", atlas.title());
            g.writeStringField("noiseColour", Palette.NOISE);
            g.writeNumberField("count", atlas.points().size());
            g.writeNumberField("noDate", NO_DATE);
            generations(g);
            scenes(g);
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

    private static void generations(JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("generations");
        for (Generation gen : GENERATIONS) {
            g.writeStartObject();
            g.writeStringField("key", gen.name());
            g.writeStringField("label", gen.label());
            g.writeStringField("colour", gen.colour());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void scenes(JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("scenes");
        for (Scenes.Scene s : Scenes.of(atlas)) {
            g.writeStartObject();
            g.writeNumberField("cluster", s.cluster());
            g.writeStringField("label", s.label());
            g.writeStringField("colour", s.colour());
            g.writeNumberField("x", s.x());
            g.writeNumberField("y", s.y());
            g.writeNumberField("size", s.size());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static long day(@Nullable LocalDate date) {
        return date == null ? NO_DATE : date.toEpochDay();
    }

    private static int generation(@Nullable Generation gen) {
        return gen == null ? -1 : GENERATIONS.indexOf(gen);
    }

    /** Each point's neighbours as point indices: at most {@value #MAX_NEIGHBORS}, only points. */
    private static int[][] neighbors(Atlas atlas) {
        List<MapPoint> points = atlas.points();
        Map<String, Integer> index = new HashMap<>(points.size() * 2);
        for (int i = 0; i < points.size(); i++) {
            index.put(points.get(i).permalink(), i);
        }
        int[][] near = new int[points.size()][];
        for (int i = 0; i < near.length; i++) {
            List<String> names = atlas.neighbors().getOrDefault(points.get(i).permalink(), List.of());
            int[] kept = new int[Math.min(MAX_NEIGHBORS, names.size())];
            int count = 0;
            for (int k = 0; k < names.size() && count < kept.length; k++) {
                Integer j = index.get(names.get(k));
                if (j != null) {
                    kept[count++] = j;
                }
            }
            near[i] = Arrays.copyOf(kept, count);
        }
        return near;
    }
}
