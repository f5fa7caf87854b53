package io.scmap.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scmap.cluster.Generation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads the data of a generated {@code map.html} back the way its script does (JSON part, then the
 * base64 gzip payload of byte-plane shuffled columns), so that tests can compare it with the atlas.
 */
final class PageDecoder {
    static final String META_OPEN = "<script type=\"application/json\" id=\"meta\">";
    static final String DATA_OPEN = "<script type=\"application/octet-stream\" id=\"data\">";

    /** The decoded page: its JSON part, its points (page order, no cluster labels) and neighbours. */
    record Page(JsonNode meta, List<MapPoint> points, Map<String, List<String>> neighbors) {}

    private PageDecoder() {}

    /** The text of the script element that {@code open} starts. */
    static String element(String html, String open) {
        int start = html.indexOf(open) + open.length();
        return html.substring(start, html.indexOf("</script>", start));
    }

    static Page decode(String html) {
        try {
            JsonNode meta = new ObjectMapper().readTree(element(html, META_OPEN));
            byte[] zipped = Base64.getDecoder().decode(element(html, DATA_OPEN).strip());
            byte[] raw;
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped))) {
                raw = in.readAllBytes();
            }
            Map<String, Object> col = columns(meta, raw);
            return page(meta, col);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> columns(JsonNode meta, byte[] raw) {
        Map<String, Object> col = new HashMap<>();
        int at = 0;
        for (JsonNode c : meta.get("columns")) {
            String type = c.get("type").asText();
            int n = c.get("length").asInt();
            int size = type.equals("utf8") ? 1 : Integer.parseInt(type.substring(1)) / 8;
            byte[] bytes = new byte[n * size];
            for (int plane = 0; plane < size; plane++) {
                for (int i = 0; i < n; i++) {
                    bytes[i * size + plane] = raw[at + plane * n + i];
                }
            }
            ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            double[] values = new double[type.equals("utf8") ? 0 : n];
            for (int i = 0; i < values.length; i++) {
                values[i] = switch (type) {
                    case "f32" -> b.getFloat();
                    case "f64" -> b.getDouble();
                    case "i8" -> b.get();
                    case "u8" -> b.get() & 0xff;
                    case "i16" -> b.getShort();
                    case "u16" -> b.getShort() & 0xffff;
                    case "i32" -> b.getInt();
                    default -> b.getInt() & 0xffffffffL;
                };
            }
            col.put(c.get("name").asText(), type.equals("utf8") ? new String(bytes, StandardCharsets.UTF_8) : values);
            at = (at + n * size + 7) / 8 * 8;
        }
        return col;
    }

    @SuppressWarnings("EnumOrdinal") // the page stores generations by their declaration index
    private static Page page(JsonNode meta, Map<String, Object> col) {
        int n = meta.get("count").asInt();
        List<String> permalinks = strings((String) col.get("permalink"), (double[]) col.get("permalinkLength"));
        List<String> names = strings((String) col.get("name"), (double[]) col.get("nameLength"));
        double[] x = (double[]) col.get("x");
        double[] y = (double[]) col.get("y");
        double[] followers = (double[]) col.get("followers");
        double[] days = (double[]) col.get("emergeDay");
        double[] generation = (double[]) col.get("generation");
        double[] cluster = (double[]) col.get("cluster");
        double[] count = (double[]) col.get("neighborCount");
        double[] offset = (double[]) col.get("neighborOffset");
        List<MapPoint> points = new ArrayList<>(n);
        Map<String, List<String>> neighbors = new HashMap<>();
        int k = 0;
        for (int i = 0; i < n; i++) {
            LocalDate emerge = days[i] == PageData.NO_DATE ? null : LocalDate.ofEpochDay((long) days[i]);
            int g = (int) generation[i];
            points.add(new MapPoint(
                    -1,
                    permalinks.get(i),
                    names.get(i),
                    (long) followers[i],
                    emerge,
                    g < 0
                            ? null
                            : Generation.valueOf(
                                    meta.get("generations").get(g).get("key").asText()),
                    x[i],
                    y[i],
                    (int) cluster[i],
                    ""));
            List<String> near = new ArrayList<>();
            for (int e = 0; e < count[i]; e++, k++) {
                near.add(permalinks.get(i + (int) offset[k]));
            }
            neighbors.put(permalinks.get(i), near);
        }
        return new Page(meta, points, neighbors);
    }

    private static List<String> strings(String text, double[] lengths) {
        List<String> out = new ArrayList<>(lengths.length);
        int at = 0;
        for (double length : lengths) {
            out.add(text.substring(at, at + (int) length));
            at += (int) length;
        }
        return out;
    }

    /** The points as the page keeps them: coordinates in single precision, no id, no scene label. */
    static List<MapPoint> asPage(List<MapPoint> points) {
        return points.stream()
                .map(p -> new MapPoint(
                        -1,
                        p.permalink(),
                        p.name(),
                        p.followers(),
                        p.emergeDate(),
                        p.generation(),
                        (float) p.x(),
                        (float) p.y(),
                        p.cluster(),
                        ""))
                .toList();
    }

    static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }
}
