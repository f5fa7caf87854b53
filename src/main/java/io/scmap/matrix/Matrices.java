package io.scmap.matrix;

import io.scmap.crawl.InteractionWeights;
import io.scmap.source.InteractionType;
import io.scmap.store.ImportListener;
import io.scmap.store.Store;
import io.scmap.store.StoreException;
import io.scmap.store.StoredAccount;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.jspecify.annotations.Nullable;

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
     * The weighted interaction matrix of a store, with its row and column labels. An imported
     * store gives back the imported matrix bit for bit, with the labels its files gave (ids -1).
     *
     * @throws StoreException if the store cannot be read
     */
    public static InteractionMatrix fromStore(Store store, InteractionWeights weights) throws StoreException {
        StoreSnapshot snapshot = StoreSnapshot.read(store);
        SparseMatrix values = snapshot.weighted(weights.toArray());
        List<RowLabel> rowLabels = snapshot.rows.stream()
                .map(a -> new RowLabel(soundCloudId(a), a.permalink(), a.displayName(), a.followers(), a.emergeDate()))
                .toList();
        List<ColumnLabel> columnLabels = snapshot.columns.stream()
                .map(a -> new ColumnLabel(soundCloudId(a), a.permalink(), a.displayName()))
                .toList();
        return new InteractionMatrix(values, rowLabels, columnLabels);
    }

    /** The account's SoundCloud id, or -1 for an imported account (whose store id is negative). */
    private static long soundCloudId(StoredAccount account) {
        return account.id() < 0 ? -1 : account.id();
    }

    /**
     * Unweighted interaction counts, one matrix per type, with the rows and columns of {@link
     * #fromStore} (so the weighted matrix of a crawled store is Σ weight(type) × these). An imported
     * store has no typed interactions: its matrices are empty.
     *
     * @throws StoreException if the store cannot be read
     */
    public static Map<InteractionType, SparseMatrix> perType(Store store) throws StoreException {
        StoreSnapshot snapshot = StoreSnapshot.read(store);
        Map<InteractionType, SparseMatrix> matrices = new EnumMap<>(InteractionType.class);
        for (int type = 0; type < TYPES.length; type++) {
            double[] oneHot = new double[TYPES.length];
            oneHot[type] = 1;
            matrices.put(
                    TYPES[type], snapshot.coordinates.toCsr(snapshot.rows.size(), snapshot.columns.size(), oneHot));
        }
        return Collections.unmodifiableMap(matrices);
    }

    /** File names of the reference's trio, as {@link #writeReference} writes them. */
    public static final String REFERENCE_NPZ = "sparse_matrix.npz";

    public static final String REFERENCE_ROWS = "remaining_seeds.csv";
    public static final String REFERENCE_COLUMNS = "seeds.csv";

    /**
     * Writes the reference's own files into {@code dir} (created if absent): {@value #REFERENCE_NPZ}
     * as {@code scipy.sparse.save_npz} writes a CSR matrix (compressed), {@value #REFERENCE_ROWS}
     * ({@code links,names,followers,emerge_date}, dates M/D/YYYY, unknowns empty) and {@value
     * #REFERENCE_COLUMNS} ({@code links,names,followers}, followers where the account is also a
     * row). Each file is written to a temporary name and moved into place. Deterministic: the same
     * matrix gives byte-identical files.
     *
     * @throws IOException if a file cannot be written
     */
    public static void writeReference(InteractionMatrix m, Path dir) throws IOException {
        Files.createDirectories(dir);
        atomically(dir.resolve(REFERENCE_NPZ), f -> Npz.write(m.values(), f, true));
        atomically(dir.resolve(REFERENCE_ROWS), f -> ReferenceCsv.writeRows(m.rows(), f));
        atomically(dir.resolve(REFERENCE_COLUMNS), f -> ReferenceCsv.writeColumns(m.columns(), m.rows(), f));
    }

    /**
     * Reads the reference's files: a scipy sparse npz (CSR, CSC or COO; returned as canonical CSR
     * with duplicates summed), its row labels and its column labels. Ids are -1 (the files hold
     * none); missing followers are -1, missing or unparseable emerge dates null. The column labels
     * are parsed on a second thread meanwhile; a problem with the matrix or the row labels is still
     * reported before one with the column labels.
     *
     * @throws MatrixFormatException naming the file and problem, or when label counts and the
     *     matrix's shape disagree
     * @throws IOException if a file cannot be read
     */
    public static InteractionMatrix readReference(Path npz, Path rowsCsv, Path colsCsv)
            throws IOException, MatrixFormatException {
        // The column labels (one line per column: the largest file to parse) are read on a second
        // thread while the matrix and the row labels are read here; errors keep that order.
        FutureTask<List<ColumnLabel>> columnsTask = new FutureTask<>(() -> ReferenceCsv.readColumns(colsCsv));
        Thread reader = new Thread(columnsTask, "scmap-read-columns");
        reader.setDaemon(true);
        reader.start();
        List<ColumnLabel> columns;
        SparseMatrix values;
        List<RowLabel> rows;
        try {
            values = Npz.read(npz);
            rows = ReferenceCsv.readRows(rowsCsv);
            columns = columnsTask.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted reading " + colsCsv);
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        } finally {
            columnsTask.cancel(true);
        }
        if (rows.size() != values.rows()) {
            throw new MatrixFormatException("rows CSV has " + rows.size() + " rows but the matrix has " + values.rows()
                    + " (" + rowsCsv.getFileName() + ", " + npz.getFileName() + ")");
        }
        if (columns.size() != values.cols()) {
            throw new MatrixFormatException("columns CSV has " + columns.size() + " rows but the matrix has "
                    + values.cols() + " columns (" + colsCsv.getFileName() + ", " + npz.getFileName() + ")");
        }
        return new InteractionMatrix(values, rows, columns);
    }

    /** The checked cause of a failed read as thrown, anything else unchecked. */
    private static IOException rethrown(@Nullable Throwable cause) throws MatrixFormatException {
        if (cause instanceof MatrixFormatException f) {
            throw f;
        }
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof RuntimeException r) {
            throw r;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new IOException(cause);
    }

    /**
     * Imports the reference's files into a new store {@code db}: reads them as {@link
     * #readReference} does (with its checks), refuses negative weights and repeated permalinks
     * among the rows or among the columns, and writes the store with {@link Store#createImported}
     * (atomically; the three files' names and SHA-256s recorded). Reading the store back gives the
     * same matrix and labels: {@code fromStore(Store.openReadOnly(db), ...)} equals the result.
     *
     * @param listener receives the store's steps, which begin once the files have passed every check
     * @return the imported matrix
     * @throws MatrixFormatException naming the file and the problem; nothing is written
     * @throws StoreException if {@code db} exists (it is left untouched) or cannot be written
     * @throws IOException if a file is missing or cannot be read (a {@link
     *     java.nio.file.NoSuchFileException} names a missing one)
     */
    public static InteractionMatrix importReference(
            Path npz, Path rowsCsv, Path colsCsv, Path db, Clock clock, ImportListener listener)
            throws IOException, MatrixFormatException, StoreException {
        return ReferenceImport.run(npz, rowsCsv, colsCsv, db, clock, listener);
    }

    /**
     * Reads a scipy sparse npz (CSR, CSC or COO, any integer or float dtype, deflated or stored) as
     * canonical CSR. O(nnz log(longest row)).
     *
     * @throws MatrixFormatException naming the file and the problem
     * @throws IOException if the file cannot be read
     */
    public static SparseMatrix readNpz(Path npz) throws IOException, MatrixFormatException {
        return Npz.read(npz);
    }

    /**
     * Writes {@code m} as {@code scipy.sparse.save_npz} writes a CSR matrix (int32 indices, float64
     * data), deflated when {@code compressed}, else stored.
     *
     * @throws IOException if the file cannot be written
     */
    public static void writeNpz(SparseMatrix m, Path npz, boolean compressed) throws IOException {
        atomically(npz, f -> Npz.write(m, f, compressed));
    }

    /**
     * Writes an edge list CSV, {@code source,target,weight,likes,comments,reposts,follows}: one
     * line per nonzero cell of {@code m} in row-major order, source and target as permalinks, the
     * counts from {@code perType} (a missing type counts 0). Whole numbers are written without a
     * fraction. O(nnz log(longest row)).
     *
     * @throws IllegalArgumentException if a per-type matrix's shape differs from {@code m}'s
     * @throws IOException if the file cannot be written
     */
    public static void writeEdgeList(InteractionMatrix m, Map<InteractionType, SparseMatrix> perType, Path csv)
            throws IOException {
        atomically(csv, f -> ReferenceCsv.writeEdgeList(m, perType, f));
    }

    private interface FileWriting {
        void writeTo(Path file) throws IOException;
    }

    private static void atomically(Path target, FileWriting writing) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            writing.writeTo(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
