package io.scmap.store;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The accounts of an imported matrix: one per distinct permalink. Columns come first, in column
 * order, then the rows that are not columns, in row order; that is their first-seen order {@code
 * k}, and account {@code k} of {@code n} gets the id {@code k - n} (so ids run from {@code -n} to
 * -1, never a SoundCloud id, and grow with first-seen order, which keeps the cells' b-tree
 * appending). A row and a column with the same permalink are one account, described by the row.
 * O(rows + columns) time and memory.
 */
final class ImportLayout {
    private final List<ImportedAccount> rows;
    private final List<ImportedAccount> columns;
    private final int[] accountOfRow;
    private final int[] rowOfAccount;
    private final int accounts;

    private ImportLayout(List<ImportedAccount> rows, List<ImportedAccount> columns, int[] accountOfRow, int accounts) {
        this.rows = rows;
        this.columns = columns;
        this.accountOfRow = accountOfRow;
        this.accounts = accounts;
        this.rowOfAccount = new int[accounts];
        Arrays.fill(rowOfAccount, -1);
        for (int i = 0; i < accountOfRow.length; i++) {
            rowOfAccount[accountOfRow[i]] = i;
        }
    }

    /**
     * Lays out the accounts of {@code matrix}.
     *
     * @throws IllegalArgumentException if two rows, or two columns, share a permalink
     */
    static ImportLayout of(ImportedMatrix matrix) {
        Map<String, Integer> columnOf = positions(matrix.columns(), "columns");
        positions(matrix.rows(), "rows");
        int[] accountOfRow = new int[matrix.rows().size()];
        int next = matrix.columns().size();
        for (int i = 0; i < accountOfRow.length; i++) {
            Integer column = columnOf.get(matrix.rows().get(i).permalink());
            accountOfRow[i] = column != null ? column : next++;
        }
        return new ImportLayout(matrix.rows(), matrix.columns(), accountOfRow, next);
    }

    private static Map<String, Integer> positions(List<ImportedAccount> accounts, String what) {
        Map<String, Integer> positions = new HashMap<>(accounts.size() * 2);
        for (int i = 0; i < accounts.size(); i++) {
            Integer earlier = positions.putIfAbsent(accounts.get(i).permalink(), i);
            if (earlier != null) {
                throw new IllegalArgumentException(what + " must have distinct permalinks, got '"
                        + accounts.get(i).permalink() + "' at " + earlier + " and " + i);
            }
        }
        return positions;
    }

    int accountCount() {
        return accounts;
    }

    /** Account {@code k} in first-seen order: the row where it is one, else the column. */
    ImportedAccount account(int k) {
        int row = rowOfAccount[k];
        return row >= 0 ? rows.get(row) : columns.get(k);
    }

    long id(int k) {
        return (long) k - accounts;
    }

    long rowId(int row) {
        return id(accountOfRow[row]);
    }

    long columnId(int column) {
        return id(column);
    }
}
