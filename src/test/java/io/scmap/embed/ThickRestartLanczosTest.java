package io.scmap.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ThickRestartLanczosTest {
    private static final int N = 9000;

    /** A diagonal operator: entries spread over [0, 0.5), with 0.9, 0.8 and 0.7 at three positions. */
    private static double[] diagonal() {
        double[] d = new double[N];
        for (int i = 0; i < N; i++) {
            d[i] = 0.5 * ((i * 7919L) % N) / N;
        }
        d[100] = 0.9;
        d[5000] = 0.8;
        d[8999] = 0.7;
        return d;
    }

    private static double[][] run(int threads, int want) {
        double[] d = diagonal();
        double[] top = new double[N];
        top[100] = 1.0;
        try (Parallel par = new Parallel(threads)) {
            ThickRestartLanczos.Operator op = (x, y) -> {
                for (int i = 0; i < N; i++) {
                    y[i] = d[i] * x[i];
                }
            };
            ThickRestartLanczos lanczos = new ThickRestartLanczos(op, N, new double[][] {top}, par);
            double[][] v = lanczos.largest(want, 20, 1e-8, 5000, new SplittableRandom(3));
            assertThat(lanczos.converged).isTrue();
            assertThat(v).isNotNull();
            return v;
        }
    }

    @Test
    void findsTheLargestEigenvectorsBesideTheLockedOne() {
        double[][] v = run(1, 2);
        assertThat(Math.abs(v[0][5000])).isCloseTo(1.0, within(1e-6));
        assertThat(Math.abs(v[1][8999])).isCloseTo(1.0, within(1e-6));
        assertThat(Math.abs(v[0][100])).isLessThan(1e-12);
    }

    @Test
    void sameStreamGivesIdenticalVectorsWhateverTheThreadCount() {
        double[][] one = run(1, 3);
        double[][] three = run(3, 3);
        for (int c = 0; c < 3; c++) {
            assertThat(three[c]).containsExactly(one[c]);
        }
    }

    @Test
    void smallestWorkingBasisRestartsAndConverges() {
        double[] d = diagonal();
        try (Parallel par = new Parallel(1)) {
            ThickRestartLanczos lanczos = new ThickRestartLanczos(
                    (x, y) -> {
                        for (int i = 0; i < N; i++) {
                            y[i] = d[i] * x[i];
                        }
                    },
                    N,
                    new double[0][],
                    par);
            double[][] v = lanczos.largest(2, 4, 1e-8, 20_000, new SplittableRandom(4));
            assertThat(lanczos.converged).isTrue();
            assertThat(v).isNotNull();
            assertThat(lanczos.values[0]).isCloseTo(0.9, within(1e-12));
            assertThat(lanczos.values[1]).isCloseTo(0.8, within(1e-12));
        }
    }

    @Test
    void refusesABasisLargerThanTheSpaceLeft() {
        try (Parallel par = new Parallel(1)) {
            ThickRestartLanczos lanczos =
                    new ThickRestartLanczos((x, y) -> System.arraycopy(x, 0, y, 0, 4), 4, new double[0][], par);
            assertThat(lanczos.largest(3, 10, 1e-8, 100, new SplittableRandom(1)))
                    .isNull();
        }
    }
}
