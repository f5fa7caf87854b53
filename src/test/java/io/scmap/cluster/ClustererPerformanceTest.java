package io.scmap.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Prints timings of the cluster stage at the sizes the map meets; no timed assertions. */
@Tag("slow")
class ClustererPerformanceTest {
    @Test
    void reportsHdbscanAndNeighbourTimings() {
        for (int n : new int[] {3_000, 30_000, 100_000}) {
            TestData data = TestData.blobs(n, 25, n * 9 / 10 / 25, 1.5, n / 10);
            Clusterer.hdbscan(data.x, data.y, HdbscanParams.DEFAULTS); // warm-up
            long start = System.nanoTime();
            Clustering clustering = Clusterer.hdbscan(data.x, data.y, HdbscanParams.DEFAULTS);
            report("hdbscan", data.x.length, start, clustering.clusterCount() + " clusters");
            assertThat(clustering.clusterCount()).isGreaterThanOrEqualTo(25);
        }
        TestData data = TestData.blobs(7, 100, 900, 2.0, 10_000);
        for (int k : new int[] {10, 15}) {
            long start = System.nanoTime();
            int[][] neighbours = Clusterer.nearestNeighbors(data.x, data.y, k);
            report("nearestNeighbors k=" + k, data.x.length, start, "");
            assertThat(neighbours[0]).hasSize(k);
        }
    }

    private static void report(String what, int n, long start, String detail) {
        System.out.printf(
                Locale.ROOT,
                "cluster timing: %s on %,d points: %.0f ms %s%n",
                what,
                n,
                (System.nanoTime() - start) / 1e6,
                detail);
    }
}
