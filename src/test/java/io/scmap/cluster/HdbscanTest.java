package io.scmap.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HdbscanTest {
    /**
     * Two rows of 12 points with unit spacing, 100 apart (A: points 0-11 on y = 0, B: points 12-23 on y =
     * 100), an outlier O (24) 30 above A, and outliers P (25) and Q (26) far off to the sides.
     */
    private static double[] handExample() {
        double[] c = new double[27 * 2];
        for (int i = 0; i < 12; i++) {
            c[2 * i] = i;
            c[2 * (12 + i)] = i;
            c[2 * (12 + i) + 1] = 100;
        }
        c[48] = 5.5;
        c[49] = 30;
        c[50] = 200;
        c[51] = 0;
        c[52] = -100;
        c[53] = 100;
        return c;
    }

    @Test
    void coreDistanceIsTheMinSamplesThNearestOtherPoint() {
        KdTree tree = new KdTree(handExample(), 2);
        double[] core = Hdbscan.coreDistancesSquared(tree, 4);
        // Row ends see neighbours at 1, 2, 3, 4; the second point 1, 1, 2, 3; the rest 1, 1, 2, 2.
        double[] expectedRow = {16, 9, 4, 4, 4, 4, 4, 4, 4, 4, 9, 16};
        assertThat(Arrays.copyOfRange(core, 0, 12)).containsExactly(expectedRow);
        assertThat(Arrays.copyOfRange(core, 12, 24)).containsExactly(expectedRow);
        // O's four nearest are A5, A6 (0.5² + 30²) and A4, A7 (1.5² + 30²).
        assertThat(core[24]).isEqualTo(902.25);
        assertThat(core[25]).isEqualTo(192.0 * 192.0); // P: A11..A8 at 189..192
        assertThat(core[26]).isEqualTo(103.0 * 103.0); // Q: B0..B3 at 100..103
    }

    @Test
    void spanningTreeOfTheHandExampleIsTheExpectedOne() {
        double[] c = handExample();
        KdTree tree = new KdTree(c, 2);
        SpanningTree mst = BoruvkaSpanningTree.build(tree, Hdbscan.coreDistancesSquared(tree, 4));
        // Kruskal by (squared weight, from, to). Inside a row the points 2-9 have core 2, so every pair at
        // most 2 apart weighs 2 and the chain links i to i + 2 after 2-3; 1 and 10 (core 3) join at 3 via
        // the smallest partner 3 apart at most, 0 and 11 (core 4) at 4; O joins A4 (1.5² + 30² = its core)
        // and B5, P joins A8 and Q B0 at their core distances.
        String expected = "2-3:4.0 2-4:4.0 3-5:4.0 4-6:4.0 5-7:4.0 6-8:4.0 7-9:4.0 1-2:9.0 7-10:9.0 0-1:16.0 "
                + "7-11:16.0 14-15:4.0 14-16:4.0 15-17:4.0 16-18:4.0 17-19:4.0 18-20:4.0 19-21:4.0 13-14:9.0 "
                + "19-22:9.0 12-13:16.0 19-23:16.0 4-24:902.25 17-24:4900.25 12-26:10609.0 8-25:36864.0";
        assertThat(edgeSet(mst)).containsExactlyInAnyOrder(expected.split(" "));
    }

    @Test
    void condensedTreeAndLabelsOfTheHandExampleMatchAHandDerivation() {
        double[] c = handExample();
        KdTree tree = new KdTree(c, 2);
        SpanningTree mst = BoruvkaSpanningTree.build(tree, Hdbscan.coreDistancesSquared(tree, 4));
        CondensedTree condensed = CondensedTree.condense(SingleLinkageTree.of(mst, 27), 10);
        // Root 27 splits at 1/sqrt(4900.25), along edge 17-24: the left side holds the edge's smaller
        // endpoint, so B becomes cluster 28 (12 points) and A+O cluster 29 (13 points).
        assertThat(condensed.clusterCount).isEqualTo(3);
        double split = 1 / Math.sqrt(4900.25);
        assertThat(condensed.birth[1]).isEqualTo(split);
        assertThat(condensed.birth[2]).isEqualTo(split);
        double[] level = new double[27];
        int[] parent = new int[27];
        condensed.pointRows(level, parent);
        assertThat(parent[25]).isEqualTo(27);
        assertThat(level[25]).isEqualTo(1 / 192.0);
        assertThat(parent[26]).isEqualTo(27);
        assertThat(level[26]).isEqualTo(1 / 103.0);
        assertThat(parent[24]).isEqualTo(29);
        assertThat(level[24]).isEqualTo(1 / Math.sqrt(902.25));
        // A row loses its ends at distance 4; at distance 3 the 10 left split 9 + 1, both below
        // minClusterSize 10, so all of them leave at once and the cluster ends there.
        double[] rowLevels = {
            0.25, 1 / 3.0, 1 / 3.0, 1 / 3.0, 1 / 3.0, 1 / 3.0, 1 / 3.0, 1 / 3.0, 1 / 3.0, 1 / 3.0, 1 / 3.0, 0.25
        };
        for (int i = 0; i < 12; i++) {
            assertThat(parent[i]).isEqualTo(29);
            assertThat(parent[12 + i]).isEqualTo(28);
            assertThat(level[i]).isEqualTo(rowLevels[i]);
            assertThat(level[12 + i]).isEqualTo(rowLevels[i]);
        }
        double[] stability = condensed.stabilities();
        double rows = 2 * 0.25 + 10 / 3.0;
        assertThat(stability[1]).isCloseTo(rows - 12 * split, within(1e-12));
        assertThat(stability[2]).isCloseTo(rows + 1 / Math.sqrt(902.25) - 13 * split, within(1e-12));

        Clustering clustering = Hdbscan.cluster(c, 2, HdbscanParams.DEFAULTS);
        // O falls out of the selected cluster A+O, so it keeps A's label, as in the library; P and Q are noise.
        int[] expected = new int[27];
        Arrays.fill(expected, 12, 24, 1);
        expected[25] = -1;
        expected[26] = -1;
        assertThat(clustering.labels()).containsExactly(expected);
        // Probability = λ(point) / λ(cluster's last row) = λ / (1/3).
        assertThat(clustering.probability(24)).isCloseTo(3 / Math.sqrt(902.25), within(1e-15));
        assertThat(clustering.probability(0)).isCloseTo(0.75, within(1e-15));
        assertThat(clustering.probability(23)).isCloseTo(0.75, within(1e-15));
        assertThat(clustering.probability(13)).isEqualTo(1.0);
        assertThat(clustering.probability(5)).isEqualTo(1.0);
        assertThat(clustering.probability(25)).isZero();
        assertThat(clustering.noiseCount()).isEqualTo(2);
    }

    @Test
    void boruvkaMatchesPrimEdgeForEdgeOnRandomTiedAndDuplicatePoints() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 6; round++) {
            int n = 50 + random.nextInt(400);
            double[] c = new double[2 * n];
            for (int i = 0; i < n; i++) {
                boolean grid = round % 2 == 1;
                c[2 * i] = grid ? random.nextInt(12) : random.nextDouble() * 10;
                c[2 * i + 1] = grid ? random.nextInt(12) : random.nextDouble() * 10;
                if (i > 0 && random.nextInt(10) == 0) {
                    int j = random.nextInt(i);
                    c[2 * i] = c[2 * j];
                    c[2 * i + 1] = c[2 * j + 1];
                }
            }
            int minSamples = 1 + random.nextInt(8);
            KdTree tree = new KdTree(c, 2);
            double[] core = Hdbscan.coreDistancesSquared(tree, minSamples);
            assertThat(edgeSet(BoruvkaSpanningTree.build(tree, core)))
                    .as("round %d, n=%d, minSamples=%d", round, n, minSamples)
                    .containsExactlyInAnyOrder(edgeSet(PrimOracle.build(c, 2, core)));
        }
    }

    @Test
    void coreDistancesMatchBruteForce() {
        TestData data = TestData.blobs(3, 3, 100, 1.0, 50);
        double[] c = data.coordinates();
        int n = data.x.length;
        double[] core = Hdbscan.coreDistancesSquared(new KdTree(c, 2), 4);
        for (int i = 0; i < n; i++) {
            double[] d = new double[n];
            for (int j = 0; j < n; j++) {
                double dx = c[2 * i] - c[2 * j];
                double dy = c[2 * i + 1] - c[2 * j + 1];
                d[j] = dx * dx + dy * dy;
            }
            Arrays.sort(d);
            assertThat(core[i]).isEqualTo(d[4]); // d[0] is the point itself
        }
    }

    private static String[] edgeSet(SpanningTree tree) {
        String[] edges = new String[tree.edgeCount()];
        for (int e = 0; e < edges.length; e++) {
            edges[e] = tree.from[e] + "-" + tree.to[e] + ":" + tree.weightSquared[e];
        }
        return edges;
    }
}
