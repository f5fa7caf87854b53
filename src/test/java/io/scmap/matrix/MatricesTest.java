package io.scmap.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import io.scmap.crawl.CrawlLedger.ScrapedAccount;
import io.scmap.crawl.CrawlLedger.SkippedAccount;
import io.scmap.crawl.InteractionWeights;
import io.scmap.crawl.SkipReason;
import io.scmap.source.Account;
import io.scmap.source.Interaction;
import io.scmap.source.InteractionType;
import io.scmap.store.Store;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-built store:
 *
 * <pre>
 * a(1) scraped: likes b (t:1, t:2), comments on b (c:1), follows c, reposts its own track (t:9)
 * d(4) scraped: follows b, likes c (t:3)
 * e(5) skipped (no tracks), after liking nothing
 * first seen: a b c d e; columns (accounts interacted with): a b c
 * </pre>
 */
class MatricesTest {
    private static final Instant T = Instant.parse("2025-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private Store store;

    @BeforeEach
    void buildStore() throws Exception {
        store = Store.open(dir.resolve("x.db"));
        Account a = account(1, "a");
        Account b = account(2, "b");
        Account c = account(3, "c");
        store.commit(scraped(
                a,
                LocalDate.parse("2014-05-06"),
                new Interaction(InteractionType.LIKE, b, "t:1", T),
                new Interaction(InteractionType.LIKE, b, "t:2", T),
                new Interaction(InteractionType.COMMENT, b, "c:1", T),
                new Interaction(InteractionType.FOLLOW, c, c.urn(), null),
                new Interaction(InteractionType.REPOST, a, "t:9", T)));
        store.commit(scraped(
                account(4, "d"),
                LocalDate.parse("2019-12-31"),
                new Interaction(InteractionType.FOLLOW, b, b.urn(), null),
                new Interaction(InteractionType.LIKE, c, "t:3", T)));
        store.skip(new SkippedAccount(5, account(5, "e"), SkipReason.NO_TRACKS, null, T, T, 2));
    }

    @AfterEach
    void closeStore() throws Exception {
        store.close();
    }

    @Test
    void buildsTheWeightedMatrixWithLabels() throws Exception {
        InteractionMatrix matrix = Matrices.fromStore(store, InteractionWeights.DEFAULTS);

        // a: a = repost 3, b = 1 + 1 + 3 = 5, c = follow 3; d: b = follow 3, c = like 1
        assertCsr(matrix.values(), 2, 3, new int[] {0, 3, 5}, new int[] {0, 1, 2, 1, 2}, new double[] {3, 5, 3, 3, 1});
        assertThat(matrix.rows())
                .containsExactly(
                        new RowLabel(1, "a", "A", 10, LocalDate.parse("2014-05-06")),
                        new RowLabel(4, "d", "D", 40, LocalDate.parse("2019-12-31")));
        assertThat(matrix.columns())
                .containsExactly(
                        new ColumnLabel(1, "a", "A"), new ColumnLabel(2, "b", "B"), new ColumnLabel(3, "c", "C"));
    }

    @Test
    void appliesOtherWeightsAndStoresNoZeros() throws Exception {
        InteractionMatrix matrix = Matrices.fromStore(store, new InteractionWeights(0, 0.5, 2, 1));

        // a: a = 2, b = 0 + 0 + 0.5, c = 1; d: b = 1, c = 0 (not stored)
        assertCsr(matrix.values(), 2, 3, new int[] {0, 3, 4}, new int[] {0, 1, 2, 1}, new double[] {2, 0.5, 1, 1});
    }

    @Test
    void countsEachTypeSeparately() throws Exception {
        Map<InteractionType, SparseMatrix> perType = Matrices.perType(store);

        assertThat(perType).containsOnlyKeys(InteractionType.values());
        assertCsr(perType.get(InteractionType.LIKE), 2, 3, new int[] {0, 1, 2}, new int[] {1, 2}, new double[] {2, 1});
        assertCsr(perType.get(InteractionType.COMMENT), 2, 3, new int[] {0, 1, 1}, new int[] {1}, new double[] {1});
        assertCsr(perType.get(InteractionType.REPOST), 2, 3, new int[] {0, 1, 1}, new int[] {0}, new double[] {1});
        assertCsr(
                perType.get(InteractionType.FOLLOW), 2, 3, new int[] {0, 1, 2}, new int[] {2, 1}, new double[] {1, 1});
    }

    @Test
    void buildsAnEmptyMatrixFromAnEmptyStore() throws Exception {
        try (Store empty = Store.open(dir.resolve("empty.db"))) {
            InteractionMatrix matrix = Matrices.fromStore(empty, InteractionWeights.DEFAULTS);

            assertCsr(matrix.values(), 0, 0, new int[] {0}, new int[0], new double[0]);
        }
    }

    @Test
    void compressesRandomCoordinatesLikeADenseSum() {
        SplittableRandom random = new SplittableRandom(3);
        int rows = 40;
        int cols = 70;
        double[] weights = {1, 3, 3, 3};
        double[][] dense = new double[rows][cols];
        CooMatrix coo = new CooMatrix(1);
        for (int i = 0; i < 5000; i++) {
            int r = random.nextInt(rows);
            int c = random.nextInt(cols);
            int t = random.nextInt(4);
            coo.add(r, c, t);
            dense[r][c] += weights[t];
        }

        SparseMatrix csr = coo.toCsr(rows, cols, weights);

        int nonzero = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                assertThat(csr.get(r, c)).isEqualTo(dense[r][c]);
                nonzero += dense[r][c] != 0 ? 1 : 0;
            }
        }
        assertThat(csr.nnz()).isEqualTo(nonzero);
    }

    @Test
    void findsIdsByPosition() {
        IdIndex index = new IdIndex(new long[] {50, -3, 7});

        assertThat(index.positionOf(50)).isZero();
        assertThat(index.positionOf(-3)).isEqualTo(1);
        assertThat(index.positionOf(7)).isEqualTo(2);
        assertThat(index.positionOf(8)).isEqualTo(-1);
    }

    private static void assertCsr(SparseMatrix m, int rows, int cols, int[] indptr, int[] indices, double[] data) {
        assertThat(m.rows()).isEqualTo(rows);
        assertThat(m.cols()).isEqualTo(cols);
        assertThat(m.indptr()).containsExactly(indptr);
        assertThat(m.indices()).containsExactly(indices);
        assertThat(m.data()).containsExactly(data);
    }

    private static Account account(long id, String permalink) {
        return new Account(
                id, "soundcloud:users:" + id, permalink, permalink.toUpperCase(java.util.Locale.ROOT), 10 * id, 3);
    }

    private static ScrapedAccount scraped(Account profile, LocalDate emerge, Interaction... interactions) {
        return new ScrapedAccount(profile, emerge, List.of(interactions), null, T, T, 6);
    }
}
