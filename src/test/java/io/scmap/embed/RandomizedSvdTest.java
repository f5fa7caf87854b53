package io.scmap.embed;

import static org.assertj.core.api.Assertions.assertThat;

import io.scmap.matrix.SparseMatrix;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RandomizedSvdTest {
    private static final int ROWS = 300;
    private static final int COLS = 500;
    private static final int K = 8;

    private static double[][] dense;
    private static SparseMatrix sparse;
    private static double[] exactSigma;
    private static double[][] exactScores;

    @BeforeAll
    static void exactSvd() {
        dense = TestData.plantedLowRank(ROWS, COLS, K, 0.05, 7);
        sparse = TestData.sparse(dense, COLS);
        DMatrixRMaj a = new DMatrixRMaj(dense);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(ROWS, COLS, true, false, true);
        assertThat(svd.decompose(a)).isTrue();
        double[] s = svd.getSingularValues();
        DMatrixRMaj u = svd.getU(null, false);
        int[] order = DenseOps.orderDescending(s);
        exactSigma = new double[K];
        double[] flat = new double[ROWS * K];
        for (int c = 0; c < K; c++) {
            exactSigma[c] = s[order[c]];
            for (int i = 0; i < ROWS; i++) {
                flat[i * K + c] = u.get(i, order[c]);
            }
        }
        RandomizedSvd.flipSigns(flat, ROWS, K);
        exactScores = new double[ROWS][K];
        for (int i = 0; i < ROWS; i++) {
            for (int c = 0; c < K; c++) {
                exactScores[i][c] = flat[i * K + c] * exactSigma[c];
            }
        }
    }

    private static TruncatedSvd randomized(long seed, int threads) {
        EmbedParams p = EmbedParams.DEFAULTS.withSvdDims(K).withSeed(seed).withThreads(threads);
        return Embedder.svd(sparse, p, EmbedListener.NONE);
    }

    @Test
    void singularValuesMatchExactDenseSvd() {
        double[] sigma = randomized(1, 2).singularValues();
        assertThat(sigma).hasSize(K);
        for (int c = 0; c < K; c++) {
            assertThat(Math.abs(sigma[c] - exactSigma[c]) / exactSigma[c])
                    .as("singular value %d: %s vs %s", c, sigma[c], exactSigma[c])
                    .isLessThan(1e-6);
        }
    }

    @Test
    void scoresMatchExactUSigmaWithTheSameSignConvention() {
        double[][] scores = randomized(1, 2).scores();
        for (int c = 0; c < K; c++) {
            double err = 0;
            for (int i = 0; i < ROWS; i++) {
                err = Math.max(err, Math.abs(scores[i][c] - exactScores[i][c]));
            }
            assertThat(err / exactSigma[c]).as("column %d", c).isLessThan(1e-6);
        }
    }

    @Test
    void sameSeedGivesIdenticalOutputWhateverTheThreadCount() {
        TruncatedSvd one = randomized(5, 1);
        TruncatedSvd two = randomized(5, 2);
        TruncatedSvd again = randomized(5, 2);
        assertThat(two.scores()).isDeepEqualTo(one.scores());
        assertThat(again.scores()).isDeepEqualTo(two.scores());
        assertThat(two.singularValues()).containsExactly(one.singularValues());
    }

    @Test
    void groupedProductMatchesThePlainSumAndIgnoresThreads() {
        int l = 37;
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        double[] x = new double[COLS * l];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
        }
        float[] xf = RandomizedSvd.gaussian(COLS, l, random, new Parallel(1));
        double[] one = new double[ROWS * l];
        double[] three = new double[ROWS * l];
        double[] oneF = new double[ROWS * l];
        double[] threeF = new double[ROWS * l];
        float[] rounded = new float[ROWS * l];
        try (Parallel par = new Parallel(1)) {
            SparseOps.multiply(sparse, x, l, one, par);
            SparseOps.multiply(sparse, xf, l, oneF, par);
        }
        try (Parallel par = new Parallel(3)) {
            SparseOps.multiply(sparse, x, l, three, par);
            SparseOps.multiply(sparse, xf, l, threeF, par);
            SparseOps.multiply(sparse, x, l, rounded, par);
        }
        assertThat(three).containsExactly(one);
        assertThat(threeF).containsExactly(oneF);
        for (int k = 0; k < one.length; k++) {
            assertThat(rounded[k]).isEqualTo((float) one[k]);
        }
        assertCloseToPlainSums(one, x, l);
        double[] widened = new double[xf.length];
        for (int k = 0; k < xf.length; k++) {
            widened[k] = xf[k];
        }
        assertCloseToPlainSums(oneF, widened, l);
    }

    private static void assertCloseToPlainSums(double[] product, double[] x, int l) {
        int[] ip = sparse.indptr();
        for (int i = 0; i < ROWS; i++) {
            for (int c = 0; c < l; c++) {
                double s = 0;
                double size = 0;
                for (int p = ip[i]; p < ip[i + 1]; p++) {
                    s += sparse.data()[p] * x[sparse.indices()[p] * l + c];
                    size += Math.abs(sparse.data()[p] * x[sparse.indices()[p] * l + c]);
                }
                assertThat(Math.abs(product[i * l + c] - s)).isLessThanOrEqualTo(1e-14 * size);
            }
        }
    }

    @Test
    void columnsAreOrderedByDecreasingCountThenIndex() {
        SparseMatrix m = SparseMatrix.of(
                3, 5, new int[] {0, 3, 5, 7}, new int[] {0, 2, 4, 2, 4, 2, 3}, new double[] {1, 2, 3, 4, 5, 6, 7});
        assertThat(SparseOps.columnsByDecreasingCount(m)).containsExactly(2, 4, 0, 3, 1);
        SparseMatrix t = SparseOps.transposeInOrder(m, SparseOps.columnsByDecreasingCount(m));
        assertThat(t.rows()).isEqualTo(5);
        assertThat(t.indptr()).containsExactly(0, 3, 5, 6, 7, 7);
        assertThat(t.indices()).containsExactly(0, 1, 2, 0, 1, 0, 2);
        assertThat(t.data()).containsExactly(2, 4, 6, 3, 5, 1, 7);
    }

    @Test
    void fewerRowsThanDimsGivesAsManyComponentsAsRows() {
        double[][] small = TestData.plantedLowRank(6, 40, 3, 0.05, 3);
        TruncatedSvd svd = Embedder.svd(TestData.sparse(small, 40), EmbedParams.DEFAULTS, EmbedListener.NONE);
        assertThat(svd.dims()).isEqualTo(6);
        assertThat(svd.rows()).isEqualTo(6);
        assertThat(svd.singularValues()[0]).isPositive();
    }
}
