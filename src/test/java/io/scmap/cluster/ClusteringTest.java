package io.scmap.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClusteringTest {
    @Test
    void summarisesLabelsAndProtectsItsArrays() {
        int[] labels = {1, 0, -1, 0, 1, 1};
        double[] probabilities = {0.5, 1, 0, 1, 0.25, 1};
        Clustering clustering = Clustering.of(labels, probabilities);
        labels[0] = 7;
        probabilities[0] = 0.9;
        clustering.labels()[1] = 9;
        assertThat(clustering.labels()).containsExactly(1, 0, -1, 0, 1, 1);
        assertThat(clustering.probability(0)).isEqualTo(0.5);
        assertThat(clustering.clusterCount()).isEqualTo(2);
        assertThat(clustering.noiseCount()).isEqualTo(1);
        assertThat(clustering.clusterSize(1)).isEqualTo(3);
        assertThat(clustering.members(0)).containsExactly(1, 3);
        assertThat(clustering).hasToString("Clustering[points=6, clusters=2, noise=1]");
    }

    @Test
    void rejectsInconsistentInput() {
        assertThatThrownBy(() -> Clustering.of(new int[] {0, 2}, new double[2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cluster 1 has no members");
        assertThatThrownBy(() -> Clustering.of(new int[] {-2}, new double[1]))
                .hasMessage("labels[0] must be >= -1, got -2");
        assertThatThrownBy(() -> Clustering.of(new int[] {0}, new double[] {1.5}))
                .hasMessage("probabilities[0] must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> Clustering.of(new int[] {0}, new double[2]))
                .hasMessage("probabilities must have 1 entries, got 2");
        assertThatThrownBy(() -> Clustering.of(new int[] {0}, new double[1]).members(1))
                .hasMessage("cluster must be in [0, 1), got 1");
    }
}
