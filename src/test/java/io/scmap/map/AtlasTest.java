package io.scmap.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scmap.source.InteractionType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AtlasTest {
    private static MapPoint point(String permalink) {
        return new MapPoint(1, permalink, "Name", 10, null, null, 0, 0, -1, "");
    }

    @Test
    void rejectsDuplicatePermalinks() {
        assertThatThrownBy(() -> new Atlas("t", List.of(point("a"), point("a")), List.of(), Map.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("points: duplicate permalink 'a'");
    }

    @Test
    void pointsNameTheBadValue() {
        assertThatThrownBy(() -> new MapPoint(1, "a", "A", 1, null, null, Double.NaN, 0, -1, ""))
                .hasMessage("x must be finite, got NaN for 'a'");
        assertThatThrownBy(() -> new MapPoint(1, "a", "A", 1, null, null, 0, Double.POSITIVE_INFINITY, -1, ""))
                .hasMessage("y must be finite, got Infinity for 'a'");
        assertThatThrownBy(() -> new MapPoint(1, "a", "A", 1, null, null, 0, 0, -2, ""))
                .hasMessage("cluster must be >= -1, got -2 for 'a'");
        assertThatThrownBy(() -> new MapPoint(1, "", "A", 1, null, null, 0, 0, -1, ""))
                .hasMessage("permalink must not be empty");
    }

    @Test
    void edgesDropZeroCountsAndRejectNegativeOnes() {
        Map<InteractionType, Integer> counts = new EnumMap<>(InteractionType.class);
        counts.put(InteractionType.LIKE, 0);
        counts.put(InteractionType.FOLLOW, 2);
        MapEdge e = new MapEdge("a", "b", 6, counts);
        assertThat(e).isEqualTo(new MapEdge("a", "b", 6, Map.of(InteractionType.FOLLOW, 2)));
        assertThat(e.count(InteractionType.LIKE)).isZero();
        assertThat(e.count(InteractionType.FOLLOW)).isEqualTo(2);
        assertThatThrownBy(() -> new MapEdge("a", "b", 1, Map.of(InteractionType.LIKE, -1)))
                .hasMessage("counts must be >= 0, got LIKE=-1 for a -> b");
        assertThatThrownBy(() -> new MapEdge("a", "b", Double.NaN))
                .hasMessage("weight must be finite, got NaN for a -> b");
    }

    @Test
    void copiesCollectionsOnTheWayIn() {
        List<MapPoint> points = new ArrayList<>(List.of(point("a")));
        Map<String, List<String>> neighbors = new HashMap<>();
        List<String> near = new ArrayList<>(List.of("b"));
        neighbors.put("a", near);
        Atlas atlas = new Atlas("t", points, List.of(), neighbors, Map.of(2, "two", 1, "one"));
        points.add(point("b"));
        near.add("c");
        assertThat(atlas.points()).hasSize(1);
        assertThat(atlas.neighbors().get("a")).containsExactly("b");
        assertThat(atlas.sceneLabels().keySet()).containsExactly(1, 2);
    }

    @Test
    void gexfParamsRejectNaNOnly() {
        assertThatThrownBy(() -> new GexfParams(Double.NaN)).hasMessage("minEdgeWeight must be a number, got NaN");
        assertThat(new GexfParams(-5).toMap()).containsEntry("minEdgeWeight", -5.0);
    }

    @Test
    void urlsEncodeThePermalinkAsOnePathSegment() {
        assertThat(point("dj-foo_1").url()).isEqualTo("https://soundcloud.com/dj-foo_1");
        assertThat(point("a b/ü").url()).isEqualTo("https://soundcloud.com/a%20b%2F%C3%BC");
    }

    @Test
    void scenesAreOrderedByClusterWithMedianCentresAndPaletteColours() {
        List<MapPoint> points = List.of(
                new MapPoint(1, "a", "A", 1, null, null, 0, 0, 3, "three"),
                new MapPoint(2, "b", "B", 1, null, null, 10, 10, 3, "three"),
                new MapPoint(3, "c", "C", 1, null, null, 1, 2, 3, "three"),
                new MapPoint(4, "d", "D", 1, null, null, 5, 5, 0, ""),
                new MapPoint(5, "e", "E", 1, null, null, 9, 9, -1, ""));
        List<Scenes.Scene> scenes = Scenes.of(new Atlas("t", points, List.of(), Map.of(), Map.of()));
        assertThat(scenes)
                .containsExactly(
                        new Scenes.Scene(0, "scene 0", Palette.scene(0), 5, 5, 1),
                        new Scenes.Scene(3, "three", Palette.scene(1), 1, 2, 3));
    }

    @Test
    void paletteColoursAreValidAndDistinctForManyScenes() {
        java.util.Set<String> colours = new java.util.HashSet<>();
        for (int i = 0; i < 200; i++) {
            String c = Palette.scene(i);
            assertThat(c).matches("#[0-9a-f]{6}");
            colours.add(c);
        }
        assertThat(colours).hasSizeGreaterThan(190);
    }
}
