package io.scmap.matrix;

import io.scmap.source.InteractionType;
import io.scmap.store.Store;
import io.scmap.store.StoreException;
import io.scmap.store.StoredAccount;
import java.util.Arrays;
import java.util.List;

/**
 * What the matrix of a store is made of: its rows (scraped accounts in crawl order), its columns
 * (accounts interacted with, and an imported matrix's columns, in first-seen order), the typed
 * interactions as coordinates, and an imported matrix's weighted cells as canonical CSR. A crawled
 * store has no imported cells; an imported one has no interactions.
 */
final class StoreSnapshot {
    final List<StoredAccount> rows;
    final List<StoredAccount> columns;
    final CooMatrix coordinates;
    final SparseMatrix imported;

    private StoreSnapshot(
            List<StoredAccount> rows, List<StoredAccount> columns, CooMatrix coordinates, SparseMatrix imported) {
        this.rows = rows;
        this.columns = columns;
        this.coordinates = coordinates;
        this.imported = imported;
    }

    /**
     * Reads rows first, then columns, then interactions and imported cells. A crawler may commit
     * meanwhile; the rows read first define the matrix, so interactions of accounts scraped later
     * are left out, and every target of a row is among the columns read after it.
     */
    static StoreSnapshot read(Store store) throws StoreException {
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
            if (row >= 0) {
                coordinates.add(row, column(store, columnIndex, source, target), index(type));
            }
        });
        SparseMatrix imported = importedCells(store, rowIndex, columnIndex, rows.size(), columns.size());
        return new StoreSnapshot(rows, columns, coordinates, imported);
    }

    /** The weighted matrix: Σ weight(type) over the interactions, plus the imported weights. */
    SparseMatrix weighted(double[] weightByType) {
        return add(coordinates.toCsr(rows.size(), columns.size(), weightByType), imported);
    }

    private static SparseMatrix importedCells(
            Store store, IdIndex rowIndex, IdIndex columnIndex, int rowCount, int columnCount) throws StoreException {
        Cells cells = new Cells((int) Math.min(store.importedCellCount(), Integer.MAX_VALUE - 8));
        store.forEachImportedCell((source, target, weight) -> {
            int row = rowIndex.positionOf(source);
            if (row >= 0) {
                cells.add(row, column(store, columnIndex, source, target), weight);
            }
        });
        try {
            return new Canonical(store.file().toString(), rowCount, columnCount)
                    .fromTriplets(
                            Arrays.copyOf(cells.rows, cells.size),
                            Arrays.copyOf(cells.columns, cells.size),
                            Arrays.copyOf(cells.weights, cells.size),
                            "source");
        } catch (MatrixFormatException e) {
            throw new IllegalStateException("store " + store.file() + " is inconsistent: " + e.getMessage(), e);
        }
    }

    /** Weighted coordinates in growable primitive arrays. */
    private static final class Cells {
        int[] rows;
        int[] columns;
        double[] weights;
        int size;

        Cells(int expected) {
            rows = new int[expected];
            columns = new int[expected];
            weights = new double[expected];
        }

        void add(int row, int column, double weight) {
            if (size == rows.length) {
                int capacity = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(16, 2L * size));
                rows = Arrays.copyOf(rows, capacity);
                columns = Arrays.copyOf(columns, capacity);
                weights = Arrays.copyOf(weights, capacity);
            }
            rows[size] = row;
            columns[size] = column;
            weights[size++] = weight;
        }
    }

    private static int column(Store store, IdIndex columnIndex, long source, long target) {
        int column = columnIndex.positionOf(target);
        if (column < 0) {
            throw new IllegalStateException("store " + store.file() + " is inconsistent: user " + target
                    + " is the target of an interaction of user " + source + " but not among the accounts");
        }
        return column;
    }

    /**
     * The entrywise sum of two matrices of one shape; either one itself, untouched, where the
     * other stores nothing (so an imported matrix comes back bit for bit). O(nnz(a) + nnz(b)).
     */
    static SparseMatrix add(SparseMatrix a, SparseMatrix b) {
        if (b.nnz() == 0) {
            return a;
        }
        if (a.nnz() == 0) {
            return b;
        }
        int[] indptr = new int[a.rows() + 1];
        int[] indices = new int[a.nnz() + b.nnz()];
        double[] data = new double[indices.length];
        int out = 0;
        for (int i = 0; i < a.rows(); i++) {
            int p = a.indptr()[i];
            int q = b.indptr()[i];
            while (p < a.indptr()[i + 1] || q < b.indptr()[i + 1]) {
                int ja = p < a.indptr()[i + 1] ? a.indices()[p] : Integer.MAX_VALUE;
                int jb = q < b.indptr()[i + 1] ? b.indices()[q] : Integer.MAX_VALUE;
                if (ja < jb) {
                    indices[out] = ja;
                    data[out++] = a.data()[p++];
                } else if (jb < ja) {
                    indices[out] = jb;
                    data[out++] = b.data()[q++];
                } else {
                    indices[out] = ja;
                    data[out++] = a.data()[p++] + b.data()[q++];
                }
            }
            indptr[i + 1] = out;
        }
        return SparseMatrix.of(a.rows(), a.cols(), indptr, Arrays.copyOf(indices, out), Arrays.copyOf(data, out));
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
