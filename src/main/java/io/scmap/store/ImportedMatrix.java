package io.scmap.store;

import java.util.List;
import java.util.Objects;

/**
 * What {@link Store#createImported} writes: a weighted matrix with its row and column accounts and
 * the three files it came from. Row {@code i} and column {@code j} that share a permalink are one
 * account; every other row and column is an account of its own.
 *
 * @param rows the scraped accounts, in matrix row order
 * @param columns the accounts interacted with, in matrix column order
 * @param cellCount how many cells {@code cells} sends (for progress)
 * @param cells sends every stored cell once, by row and column position; weights finite and >= 0
 * @param matrixFile the matrix's file ({@code sparse_matrix.npz})
 * @param rowsFile the row labels' file ({@code remaining_seeds.csv})
 * @param columnsFile the column labels' file ({@code seeds.csv})
 */
public record ImportedMatrix(
        List<ImportedAccount> rows,
        List<ImportedAccount> columns,
        long cellCount,
        Cells cells,
        SourceFile matrixFile,
        SourceFile rowsFile,
        SourceFile columnsFile) {

    /** A matrix's stored cells, sent without an object per cell. */
    @FunctionalInterface
    public interface Cells {
        /** Sends every stored cell to {@code visitor}, each (row, column) at most once. */
        void forEach(CellVisitor visitor);
    }

    public ImportedMatrix {
        rows = List.copyOf(rows);
        columns = List.copyOf(columns);
        Objects.requireNonNull(cells, "cells");
        Objects.requireNonNull(matrixFile, "matrixFile");
        Objects.requireNonNull(rowsFile, "rowsFile");
        Objects.requireNonNull(columnsFile, "columnsFile");
        if (cellCount < 0) {
            throw new IllegalArgumentException("cellCount must be >= 0, got " + cellCount);
        }
    }
}
