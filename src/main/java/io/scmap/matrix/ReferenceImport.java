package io.scmap.matrix;

import io.scmap.store.ImportListener;
import io.scmap.store.ImportedAccount;
import io.scmap.store.ImportedMatrix;
import io.scmap.store.SourceFile;
import io.scmap.store.Store;
import io.scmap.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Imports the reference's trio into a new store. Steps: read the three files as {@code scmap
 * analyze --npz} reads them (with the same checks: zip and npy structure, shape against the
 * labels, no NaN or infinite weight); check what a store needs beyond that (no negative weight,
 * each row and each column a different permalink); hash the files; hand the matrix to {@link
 * Store#createImported}, which writes the new file atomically. Time O(file sizes + nnz log nnz).
 */
final class ReferenceImport {
    private ReferenceImport() {}

    static InteractionMatrix run(Path npz, Path rowsCsv, Path colsCsv, Path db, Clock clock, ImportListener listener)
            throws IOException, MatrixFormatException, StoreException {
        for (Path file : List.of(npz, rowsCsv, colsCsv)) {
            requireFile(file);
        }
        InteractionMatrix m = Matrices.readReference(npz, rowsCsv, colsCsv);
        checkWeights(m.values(), npz);
        checkDistinct(m.rows().stream().map(RowLabel::permalink).toList(), rowsCsv, "row");
        checkDistinct(m.columns().stream().map(ColumnLabel::permalink).toList(), colsCsv, "column");
        SourceFile matrixFile = digest(npz);
        SourceFile rowsFile = digest(rowsCsv);
        SourceFile columnsFile = digest(colsCsv);
        List<ImportedAccount> rows = m.rows().stream()
                .map(r -> new ImportedAccount(r.permalink(), r.name(), r.followers(), r.emergeDate()))
                .toList();
        List<ImportedAccount> columns = m.columns().stream()
                .map(c -> new ImportedAccount(c.permalink(), c.name(), -1, null))
                .toList();
        SparseMatrix v = m.values();
        ImportedMatrix imported = new ImportedMatrix(
                rows,
                columns,
                v.nnz(),
                visitor -> {
                    for (int i = 0; i < v.rows(); i++) {
                        for (int p = v.indptr()[i]; p < v.indptr()[i + 1]; p++) {
                            visitor.accept(i, v.indices()[p], v.data()[p]);
                        }
                    }
                },
                matrixFile,
                rowsFile,
                columnsFile);
        Store.createImported(db, imported, clock, listener);
        return m;
    }

    private static void requireFile(Path file) throws IOException, MatrixFormatException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        if (Files.isDirectory(file)) {
            throw new MatrixFormatException(file + " is a directory, not a file");
        }
    }

    /** A weight counts interactions: NaN and infinities are refused on reading, negatives here. */
    private static void checkWeights(SparseMatrix v, Path npz) throws MatrixFormatException {
        for (int i = 0; i < v.rows(); i++) {
            for (int p = v.indptr()[i]; p < v.indptr()[i + 1]; p++) {
                if (v.data()[p] < 0) {
                    throw new MatrixFormatException(npz.getFileName() + ": negative weight " + v.data()[p]
                            + " at row " + i + ", column " + v.indices()[p]
                            + "; weights count interactions and cannot be negative");
                }
            }
        }
    }

    /** Each row, and each column, must be its own account: permalinks may not repeat. */
    private static void checkDistinct(List<String> permalinks, Path csv, String what) throws MatrixFormatException {
        Map<String, Integer> first = new HashMap<>(permalinks.size() * 2);
        for (int r = 0; r < permalinks.size(); r++) {
            Integer earlier = first.putIfAbsent(permalinks.get(r), r);
            if (earlier != null) {
                throw new MatrixFormatException(csv.getFileName() + ": rows " + (earlier + 1) + " and " + (r + 1)
                        + " both link to '" + permalinks.get(r) + "'; each " + what
                        + " must be a different account");
            }
        }
    }

    private static SourceFile digest(Path file) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha256.update(buffer, 0, n);
            }
        }
        return new SourceFile(String.valueOf(file.getFileName()), HexFormat.of().formatHex(sha256.digest()));
    }
}
