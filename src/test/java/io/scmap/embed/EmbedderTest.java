package io.scmap.embed;

import static org.assertj.core.api.Assertions.assertThat;

import io.scmap.matrix.InteractionMatrix;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbedderTest {
    private static final EmbedParams PARAMS =
            EmbedParams.DEFAULTS.withNeighbors(30).withEpochs(200);

    private static InteractionMatrix matrix;
    private static Embedding embedding;
    private static final List<String> STEPS = new ArrayList<>();

    @BeforeAll
    static void embedCommunities() {
        matrix = TestData.communities(600, 800, 4, 150, 5);
        embedding = Embedder.embed(matrix, PARAMS, (step, fraction) -> {
            if (fraction == 1.0) {
                STEPS.add(step);
            }
        });
    }

    @Test
    void embedsEveryKeptRowWithFiniteCoordinates() {
        assertThat(embedding.size()).isEqualTo(embedding.counts().afterShare()).isPositive();
        assertThat(embedding.svd().dims()).isEqualTo(100);
        assertThat(embedding.keptRows()).isSorted().hasSize(embedding.size());
        for (double[] p : embedding.coordinates()) {
            assertThat(Double.isFinite(p[0]) && Double.isFinite(p[1])).isTrue();
        }
        assertThat(embedding.timingsSeconds())
                .containsKeys("filter", "svd", "knn", "graph", "init", "optimize", "total");
        assertThat(embedding.diagnostics()).containsKeys("a", "b", "epochs", "init", "components");
    }

    @Test
    void communitiesEndUpTogether() {
        int[] kept = embedding.keptRows();
        int[] labels = new int[kept.length];
        for (int i = 0; i < kept.length; i++) {
            labels[i] = kept[i] % 4;
        }
        assertThat(TestData.nearestNeighborPurity(embedding.coordinates(), labels, 10))
                .isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void reportsEveryStepInOrder() {
        assertThat(STEPS).containsSubsequence("filter", "svd", "knn", "graph", "init", "optimize");
    }

    @Test
    void sameSeedSameOutputWhateverTheThreadCount() {
        Embedding single = Embedder.embed(matrix, PARAMS.withThreads(1), EmbedListener.NONE);
        assertThat(single.x()).containsExactly(embedding.x());
        assertThat(single.y()).containsExactly(embedding.y());
        assertThat(single.svd().scores()).isDeepEqualTo(embedding.svd().scores());
    }

    @Test
    void nearestNeighboursAreExactUpToTheThresholdAndNnDescentBeyond() {
        assertThat(embedding.diagnostics()).containsEntry("knn", "exact").doesNotContainKey("knnIterations");
        EmbedParams approximate = PARAMS.withExactNeighborsUpTo(embedding.size() - 1);
        Embedding e = Embedder.embed(matrix, approximate, EmbedListener.NONE);
        assertThat(e.diagnostics()).containsEntry("knn", "nn-descent").containsKeys("knnIterations", "knnStop");
        Embedding single = Embedder.embed(matrix, approximate.withThreads(1), EmbedListener.NONE);
        assertThat(single.x()).containsExactly(e.x());
        assertThat(single.y()).containsExactly(e.y());
        int[] kept = e.keptRows();
        int[] labels = new int[kept.length];
        for (int i = 0; i < kept.length; i++) {
            labels[i] = kept[i] % 4;
        }
        assertThat(TestData.nearestNeighborPurity(e.coordinates(), labels, 10)).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void stepsComposeToTheWholeStage() {
        double[][] xy = Embedder.umap(embedding.svd().scores(), PARAMS, EmbedListener.NONE);
        assertThat(xy).isDeepEqualTo(embedding.coordinates());
    }
}
