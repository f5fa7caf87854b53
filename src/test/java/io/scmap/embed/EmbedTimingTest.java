package io.scmap.embed;

import static org.assertj.core.api.Assertions.assertThat;

import io.scmap.matrix.InteractionMatrix;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Demo-sized run (about 3,000 x 4,000, 600k non-zeros) printing per-step timings; no timed assertions. */
@Tag("slow")
class EmbedTimingTest {
    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : 0;
    }

    @Test
    void demoSizedMatrixGoesThroughEveryStep() {
        long t = System.nanoTime();
        InteractionMatrix m = TestData.communities(3000, 4000, 12, 390, 2024);
        double gen = (System.nanoTime() - t) / 1e9;
        long cpu = processCpuNanos();
        Embedding e = Embedder.embed(m, EmbedParams.DEFAULTS, EmbedListener.NONE);
        double cpuSeconds = (processCpuNanos() - cpu) / 1e9;
        System.out.printf(
                "demo matrix %d x %d, nnz %d (generated in %.1f s); kept %s%n",
                m.values().rows(), m.values().cols(), m.values().nnz(), gen, e.counts());
        for (Map.Entry<String, Double> s : e.timingsSeconds().entrySet()) {
            System.out.printf("  %-9s %7.3f s%n", s.getKey(), s.getValue());
        }
        System.out.printf("  process CPU %.3f s over all threads%n", cpuSeconds);
        System.out.println("  diagnostics " + e.diagnostics());
        int[] labels = new int[e.size()];
        int[] kept = e.keptRows();
        for (int i = 0; i < labels.length; i++) {
            labels[i] = kept[i] % 12;
        }
        long q = System.nanoTime();
        double trust = Embedder.trustworthiness(e.svd().scores(), e.coordinates(), 15);
        double purity = TestData.nearestNeighborPurity(e.coordinates(), labels, 10);
        System.out.printf(
                "  trustworthiness(15) vs SVD space %.4f, 2-D 10-NN community purity %.4f (%.1f s)%n",
                trust, purity, (System.nanoTime() - q) / 1e9);
        assertThat(e.size()).isEqualTo(e.counts().afterShare());
        assertThat(trust).isGreaterThan(0.9);
    }
}
