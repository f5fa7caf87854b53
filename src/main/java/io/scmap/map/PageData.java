package io.scmap.map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.scmap.cluster.Generation;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the JSON the page reads: title, generations, scenes (label, colour, label position, size), the
 * noise colour, and the points column by column (id, permalink, name, followers, emergeDate, generation
 * as an index into generations or -1, x, y, cluster, neighbors as point indices). Columns rather than
 * one object per point spare repeating the keys 100k times. Each point keeps at most {@value
 * #MAX_NEIGHBORS} neighbours, and only those that are points themselves. Linear in the atlas size.
 */
final class PageData {
    /** Neighbours kept per point: the card shows five; the rest leave room for later views. */
    static final int MAX_NEIGHBORS = 10;

    /** The generations in the order the page lists them; points refer to them by index. */
    private static final List<Generation> GENERATIONS = List.of(Generation.values());

    private static final JsonFactory FACTORY =
            JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private PageData() {}

    /** Writes the page JSON for {@code atlas}; wrap {@code out} in a {@link ScriptSafeWriter} for HTML. */
    static void write(Atlas atlas, Writer out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("title", atlas.title());
            g.writeStringField("noiseColour", Palette.NOISE);
            generations(g);
            scenes(atlas, g);
            g.writeObjectFieldStart("points");
            points(atlas, g);
            g.writeEndObject();
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

    private static void scenes(Atlas atlas, JsonGenerator g) throws IOException {
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

    private static void points(Atlas atlas, JsonGenerator g) throws IOException {
        List<MapPoint> points = atlas.points();
        g.writeArrayFieldStart("id");
        for (MapPoint p : points) {
            g.writeNumber(p.id());
        }
        g.writeEndArray();
        g.writeArrayFieldStart("permalink");
        for (MapPoint p : points) {
            g.writeString(p.permalink());
        }
        g.writeEndArray();
        g.writeArrayFieldStart("name");
        for (MapPoint p : points) {
            g.writeString(p.name());
        }
        g.writeEndArray();
        g.writeArrayFieldStart("followers");
        for (MapPoint p : points) {
            g.writeNumber(p.followers());
        }
        g.writeEndArray();
        g.writeArrayFieldStart("emergeDate");
        for (MapPoint p : points) {
            LocalDate d = p.emergeDate();
            if (d == null) {
                g.writeNull();
            } else {
                g.writeString(d.toString());
            }
        }
        g.writeEndArray();
        g.writeArrayFieldStart("generation");
        for (MapPoint p : points) {
            Generation gen = p.generation();
            g.writeNumber(gen == null ? -1 : GENERATIONS.indexOf(gen));
        }
        g.writeEndArray();
        coordinates(points, g);
        neighbors(atlas, g);
    }

    private static void coordinates(List<MapPoint> points, JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("x");
        for (MapPoint p : points) {
            g.writeNumber(p.x());
        }
        g.writeEndArray();
        g.writeArrayFieldStart("y");
        for (MapPoint p : points) {
            g.writeNumber(p.y());
        }
        g.writeEndArray();
        g.writeArrayFieldStart("cluster");
        for (MapPoint p : points) {
            g.writeNumber(p.cluster());
        }
        g.writeEndArray();
    }

    private static void neighbors(Atlas atlas, JsonGenerator g) throws IOException {
        List<MapPoint> points = atlas.points();
        Map<String, Integer> index = new HashMap<>(points.size() * 2);
        for (int i = 0; i < points.size(); i++) {
            index.put(points.get(i).permalink(), i);
        }
        g.writeArrayFieldStart("neighbors");
        for (MapPoint p : points) {
            g.writeStartArray();
            int kept = 0;
            for (String near : atlas.neighbors().getOrDefault(p.permalink(), List.of())) {
                Integer j = index.get(near);
                if (j != null && kept < MAX_NEIGHBORS) {
                    g.writeNumber(j);
                    kept++;
                }
            }
            g.writeEndArray();
        }
        g.writeEndArray();
    }
}
