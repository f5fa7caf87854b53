package io.scmap.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClustererSceneLabelsTest {
    /** Cluster 0: points 0-4 around (0, 0); cluster 1: points 5-7 around (10, 0); point 8 is noise. */
    private static final double[] X = {0, 0.1, -0.1, 2, 0, 10, 10.1, 13, 50};

    private static final double[] Y = {0, 0.1, 0, 0, -3, 0, 0, 0, 50};
    private static final Clustering CLUSTERING =
            new Clustering(new int[] {0, 0, 0, 0, 0, 1, 1, 1, -1}, new double[] {1, 1, 1, 1, 1, 1, 1, 1, 0});

    @Test
    void namesEachClusterAfterCentralWellConnectedMembers() {
        List<String> names = List.of("Centre", "Hub", "Quiet", "Edge", "Far", "Core", "Star", "Loner", "Noise");
        double[] weight = {5, 50, 0, 1, 2, 1, 90, 100, 1000};
        Map<Integer, String> labels = Clusterer.sceneLabels(CLUSTERING, X, Y, names, weight, 2);
        // Cluster 0, centre (0, 0): Centre is closest and 2nd heaviest (1 + 0.8), Hub 3rd closest and heaviest
        // (0.6 + 1), Quiet 2nd closest but lightest (0.8 + 0.2). Cluster 1, centre (10.1, 0): Star is closest
        // and 2nd heaviest (1 + 0.67), Loner farthest but heaviest (0.33 + 1), Core lightest (0.67 + 0.33).
        assertThat(labels).containsExactly(Map.entry(0, "Centre · Hub"), Map.entry(1, "Star · Loner"));
    }

    @Test
    void noiseGetsNoLabelAndTheOutputIsDeterministic() {
        List<String> names = List.of("a", "b", "c", "d", "e", "f", "g", "h", "noise");
        double[] weight = new double[9];
        Map<Integer, String> first = Clusterer.sceneLabels(CLUSTERING, X, Y, names, weight, 3);
        assertThat(first).doesNotContainKey(-1).hasSize(2);
        assertThat(first.values()).noneMatch(label -> label.contains("noise"));
        assertThat(Clusterer.sceneLabels(CLUSTERING, X.clone(), Y.clone(), new ArrayList<>(names), weight, 3))
                .isEqualTo(first);
        assertThat(first.get(1)).isEqualTo("f · g · h");
    }

    @Test
    void keepsNamesVerbatimButTidiesWhitespaceLengthAndDuplicates() {
        List<String> names = List.of(
                "<b>Tom & \"Jerry\"</b>",
                "  DJ\tNewline\nName ",
                "dj newline name",
                "A name that is far too long to fit on a map label",
                "   ",
                "🎧 Ünïcødé",
                "",
                " ",
                "x");
        double[] weight = {5, 4, 3, 2, 1, 0, 0, 0, 0};
        Map<Integer, String> labels = Clusterer.sceneLabels(CLUSTERING, X, Y, names, weight, 3);
        assertThat(labels.get(0)).isEqualTo("<b>Tom & \"Jerry\"</b> · DJ Newline Name · A name that is far too…");
        // Cluster 1 has one usable name, then only blanks.
        assertThat(labels.get(1)).isEqualTo("🎧 Ünïcødé");
        Map<Integer, String> unnamed =
                Clusterer.sceneLabels(CLUSTERING, X, Y, List.of("", "", "", "", "", " ", "\t", "", "z"), weight, 3);
        assertThat(unnamed.get(1)).isEqualTo("cluster 1");
    }

    @Test
    void rejectsMismatchedInputs() {
        List<String> names = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i");
        assertThatThrownBy(() -> Clusterer.sceneLabels(CLUSTERING, X, Y, names.subList(0, 3), new double[9], 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("names must have 9 entries, got 3");
        assertThatThrownBy(() -> Clusterer.sceneLabels(CLUSTERING, X, Y, names, new double[9], 0))
                .hasMessage("top must be >= 1, got 0");
        double[] weight = new double[9];
        weight[2] = Double.NaN;
        assertThatThrownBy(() -> Clusterer.sceneLabels(CLUSTERING, X, Y, names, weight, 3))
                .hasMessage("weight[2] must be finite, got NaN");
    }
}
