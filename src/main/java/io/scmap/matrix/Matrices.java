package io.scmap.matrix;

import io.scmap.crawl.InteractionWeights;
import io.scmap.source.InteractionType;
import io.scmap.store.Store;
import io.scmap.store.StoreException;
import io.scmap.store.StoredAccount;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Builds interaction matrices from a store: scraped accounts (rows, in crawl order) by accounts
 * they interacted with (columns, in first-seen order), each value Σ weight(type) over the
 * interactions of a row with a column, as the reference's {@code sparse_matrix.npz}.
 *
 * <p>One streaming pass over the interactions into primitive coordinate arrays, then a counting
 * sort into CSR with sorted column indices: time O(nnz log(longest row) + rows + columns),
 * memory about 25 bytes per interaction at the peak, no object per interaction. Deterministic:
 * the same store gives bit-identical arrays.
 */
public final class Matrices {
    private static final InteractionType[] TYPES = {
        InteractionType.LIKE, InteractionType.COMMENT, InteractionType.REPOST, InteractionType.FOLLOW
    };

    private Matrices() {}

    /**
     * The weighted interaction matrix of a store, with its row and column labels.
     *
     * @throws StoreException if the store cannot be read
     */
    public static InteractionMatrix fromStore(Store store, InteractionWeights weights) throws StoreException {
        Snapshot snapshot = Snapshot.read(store);
        SparseMatrix values =
                snapshot.coordinates.toCsr(snapshot.rows.size(), snapshot.columns.size(), weights.toArray());
        List<RowLabel> rowLabels = snapshot.rows.stream()
                .map(a -> new RowLabel(a.id(), a.permalink(), a.displayName(), a.followers(), a.emergeDate()))
                .toList();
        List<ColumnLabel> columnLabels = snapshot.columns.stream()
                .map(a -> new ColumnLabel(a.id(), a.permalink(), a.displayName()))
                .toList();
        return new InteractionMatrix(values, rowLabels, columnLabels);
    }

    /**
     * Unweighted interaction counts, one matrix per type, with the rows and columns of {@link
     * #fromStore} (so the weighted matrix is Σ weight(type) × these).
     *
     * @throws StoreException if the store cannot be read
     */
    public static Map<InteractionType, SparseMatrix> perType(Store store) throws StoreException {
        Snapshot snapshot = Snapshot.read(store);
        Map<InteractionType, SparseMatrix> matrices = new EnumMap<>(InteractionType.class);
        for (int type = 0; type < TYPES.length; type++) {
            double[] oneHot = new double[TYPES.length];
            oneHot[type] = 1;
            matrices.put(
                    TYPES[type], snapshot.coordinates.toCsr(snapshot.rows.size(), snapshot.columns.size(), oneHot));
        }
        return Collections.unmodifiableMap(matrices);
    }

    /** Rows, columns and interaction coordinates read from a store. */
    private static final class Snapshot {
        final List<StoredAccount> rows;
        final List<StoredAccount> columns;
        final CooMatrix coordinates;

        private Snapshot(List<StoredAccount> rows, List<StoredAccount> columns, CooMatrix coordinates) {
            this.rows = rows;
            this.columns = columns;
            this.coordinates = coordinates;
        }

        /**
         * Reads rows first, then columns, then interactions. A crawler may commit meanwhile; the
         * rows read first define the matrix, so interactions of accounts scraped later are left
         * out, and every target of a row is among the columns read after it.
         */
        static Snapshot read(Store store) throws StoreException {
            List<StoredAccount> rows = store.scrapedAccounts();
            List<StoredAccount> columns = store.interactedAccounts();
            IdIndex rowIndex =
                    new IdIndex(rows.stream().mapToLong(StoredAccount::id).toArray());
            IdIndex columnIndex =
                    new IdIndex(columns.stream().mapToLong(StoredAccount::id).toArray());
            long expected = store.interactionCount();
            CooMatrix coordinates = new CooMatrix((int) Math.min(expected, Integer.MAX_VALUE - 8));
            store.forEachInteraction((source, target, type) -> {
                int row = rowIndex.positionOf(source);
                if (row < 0) {
                    return;
                }
                int column = columnIndex.positionOf(target);
                if (column < 0) {
                    throw new IllegalStateException("store " + store.file() + " is inconsistent: user " + target
                            + " is the target of an interaction of user " + source + " but not among the accounts");
                }
                coordinates.add(row, column, index(type));
            });
            return new Snapshot(rows, columns, coordinates);
        }

        private static int index(InteractionType type) {
            return switch (type) {
                case LIKE -> 0;
                case COMMENT -> 1;
                case REPOST -> 2;
                case FOLLOW -> 3;
            };
        }
    }
}
