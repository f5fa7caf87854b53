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
    void stripedProductEqualsThePlainOneBitForBit() {
        int l = 300; // 500 columns x 300 x 8 bytes exceeds one strip
        double[] x = RandomizedSvd.gaussian(COLS, l, new java.util.SplittableRandom(3), new Parallel(1));
        double[] striped = new double[ROWS * l];
        try (Parallel par = new Parallel(2)) {
            SparseOps.multiply(sparse, x, l, striped, par);
        }
        int[] ip = sparse.indptr();
        for (int i = 0; i < ROWS; i++) {
            for (int c = 0; c < l; c++) {
                double s = 0;
                for (int p = ip[i]; p < ip[i + 1]; p++) {
                    s += sparse.data()[p] * x[sparse.indices()[p] * l + c];
                }
                assertThat(striped[i * l + c]).isEqualTo(s);
            }
        }
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
