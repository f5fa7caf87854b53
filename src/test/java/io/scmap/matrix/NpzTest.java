package io.scmap.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzTest {
    @TempDir
    Path dir;

    static SparseMatrix randomMatrix(int rows, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] indptr = new int[rows + 1];
        List<Integer> indices = new ArrayList<>();
        List<Double> data = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (random.nextInt(4) == 0) {
                    indices.add(j);
                    data.add(random.nextInt(3) == 0 ? random.nextDouble() * 10 : random.nextInt(1, 50));
                }
            }
            indptr[i + 1] = indices.size();
        }
        return SparseMatrix.of(
                rows,
                cols,
                indptr,
                indices.stream().mapToInt(Integer::intValue).toArray(),
                data.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static void assertSameMatrix(SparseMatrix actual, SparseMatrix expected) {
        assertThat(actual.rows()).isEqualTo(expected.rows());
        assertThat(actual.cols()).isEqualTo(expected.cols());
        assertThat(actual.indptr()).containsExactly(expected.indptr());
        assertThat(actual.indices()).containsExactly(expected.indices());
        assertThat(actual.data()).containsExactly(expected.data());
    }

    @Test
    void compressedAndStoredFilesRoundTripBitForBit() throws Exception {
        SparseMatrix m = randomMatrix(40, 70, 1);
        for (boolean compressed : new boolean[] {true, false}) {
            Path file = dir.resolve("m" + compressed + ".npz");
            Matrices.writeNpz(m, file, compressed);
            assertSameMatrix(Matrices.readNpz(file), m);
        }
        SparseMatrix empty = SparseMatrix.of(3, 0, new int[4], new int[0], new double[0]);
        Matrices.writeNpz(empty, dir.resolve("e.npz"), true);
        assertSameMatrix(Matrices.readNpz(dir.resolve("e.npz")), empty);
    }

    @Test
    void writesTheEntriesDtypesAndHeadersScipyWrites() throws Exception {
        Path file = dir.resolve("sparse_matrix.npz");
        Matrices.writeNpz(randomMatrix(5, 7, 2), file, true);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<String> names = zip.stream().map(ZipEntry::getName).toList();
            assertThat(names).containsExactly("indices.npy", "indptr.npy", "format.npy", "shape.npy", "data.npy");
            assertThat(zip.stream().map(ZipEntry::getMethod)).containsOnly(ZipEntry.DEFLATED);
            assertThat(header(zip, "indptr.npy"))
                    .isEqualTo("{'descr': '<i4', 'fortran_order': False, 'shape': (6,), }");
            assertThat(header(zip, "format.npy")).isEqualTo("{'descr': '|S3', 'fortran_order': False, 'shape': (), }");
            assertThat(header(zip, "shape.npy")).startsWith("{'descr': '<i8', 'fortran_order': False, 'shape': (2,)");
            assertThat(header(zip, "data.npy")).startsWith("{'descr': '<f8',");
            byte[] format = zip.getInputStream(zip.getEntry("format.npy")).readAllBytes();
            assertThat(format).hasSize(128 + 3);
            assertThat(new String(format, 128, 3, StandardCharsets.US_ASCII)).isEqualTo("csr");
        }
        Path stored = dir.resolve("stored.npz");
        Matrices.writeNpz(randomMatrix(5, 7, 2), stored, false);
        try (ZipFile zip = new ZipFile(stored.toFile())) {
            assertThat(zip.stream().map(ZipEntry::getMethod)).containsOnly(ZipEntry.STORED);
        }
    }

    /** The dict text without padding, checking numpy's 128-byte, v1.0 layout on the way. */
    private static String header(ZipFile zip, String entry) throws IOException {
        try (InputStream in = zip.getInputStream(zip.getEntry(entry))) {
            byte[] b = in.readNBytes(128);
            assertThat(b[6]).as("version").isEqualTo((byte) 1);
            assertThat((b[8] & 0xFF) | (b[9] & 0xFF) << 8).as("header length").isEqualTo(118);
            assertThat(b[127]).isEqualTo((byte) '\n');
            return new String(b, 10, 117, StandardCharsets.ISO_8859_1).stripTrailing();
        }
    }

    @Test
    void readsCscAsItsCsrEquivalent() throws Exception {
        // [[1, 0, 2], [0, 0, 3]] in CSC: columns 0: row 0; 1: none; 2: rows 0, 1
        Path file = NpzFiles.create()
                .ints("indices.npy", "<i4", 0, 1, 0)
                .ints("indptr.npy", "<i4", 0, 1, 1, 3)
                .format("csc")
                .shape(2, 3)
                .doubles("data.npy", "<f8", 1, 3, 2)
                .write(dir.resolve("csc.npz"), true);
        SparseMatrix m = Matrices.readNpz(file);
        assertSameMatrix(m, SparseMatrix.of(2, 3, new int[] {0, 2, 3}, new int[] {0, 2, 2}, new double[] {1, 2, 3}));
    }

    @Test
    void readsCooSummingDuplicatesInAnyOrder() throws Exception {
        Path file = NpzFiles.create()
                .ints("row.npy", "<i8", 1, 0, 1, 0, 1)
                .ints("col.npy", "<i8", 2, 1, 0, 1, 2)
                .format("coo")
                .shape(3, 3)
                .doubles("data.npy", "<f4", 1.5, 2, 4, 3, 0.25)
                .write(dir.resolve("coo.npz"), false);
        SparseMatrix m = Matrices.readNpz(file);
        assertSameMatrix(
                m, SparseMatrix.of(3, 3, new int[] {0, 1, 3, 3}, new int[] {1, 0, 2}, new double[] {5, 4, 1.75}));
    }

    @Test
    void readsInt64BigEndianUnsortedCsrAndUnicodeFormat() throws Exception {
        byte[] unicodeFormat = NpzFiles.npy("<U3", "()", "csr".getBytes(Charset.forName("UTF-32LE")));
        Path file = NpzFiles.create()
                .ints("indices.npy", ">i8", 2, 0, 1)
                .ints("indptr.npy", ">i4", 0, 2, 3)
                .add("format.npy", unicodeFormat)
                .shape(2, 3)
                .doubles("data.npy", ">f8", 7, 8, 9)
                .write(dir.resolve("big.npz"), true);
        SparseMatrix m = Matrices.readNpz(file);
        assertSameMatrix(m, SparseMatrix.of(2, 3, new int[] {0, 2, 3}, new int[] {0, 2, 1}, new double[] {8, 7, 9}));
    }

    @Test
    void readsPythonsZip64LocalHeaders() throws Exception {
        Path file = valid().writeZip64Style(dir.resolve("zip64.npz"));
        SparseMatrix m = Matrices.readNpz(file);
        assertThat(m.nnz()).isEqualTo(4);
        assertThat(m.get(3, 0)).isEqualTo(4.0);
    }

    @Test
    void readsIntegerData() throws Exception {
        Path file = NpzFiles.create()
                .ints("indices.npy", "<i4", 1)
                .ints("indptr.npy", "<i4", 0, 1)
                .format("csr")
                .shape(1, 2)
                .ints("data.npy", "<i8", 12)
                .write(dir.resolve("int.npz"), true);
        assertThat(Matrices.readNpz(file).get(0, 1)).isEqualTo(12.0);
    }

    private NpzFiles valid() {
        return NpzFiles.create()
                .ints("indices.npy", "<i4", 0, 2, 1, 0)
                .ints("indptr.npy", "<i4", 0, 2, 2, 3, 4, 4)
                .format("csr")
                .shape(5, 7)
                .doubles("data.npy", "<f8", 1, 2, 3, 4);
    }

    private void assertFails(Path file, String message) {
        assertThatThrownBy(() -> Matrices.readNpz(file))
                .isInstanceOf(MatrixFormatException.class)
                .hasMessageContaining(message)
                .hasMessageNotContaining("\n");
    }

    @Test
    void namesEachProblemInOneLine() throws Exception {
        assertThat(Matrices.readNpz(valid().write(dir.resolve("ok.npz"), true)).nnz())
                .isEqualTo(4);
        Path text = Files.writeString(dir.resolve("sparse_matrix.npz"), "indices,indptr\n");
        assertFails(text, "sparse_matrix.npz is not a zip file");
        NpzFiles noIndptr = NpzFiles.create()
                .ints("indices.npy", "<i4", 0)
                .format("csr")
                .shape(1, 1)
                .doubles("data.npy", "<f8", 1);
        assertFails(noIndptr.write(dir.resolve("sparse_matrix.npz"), true), "sparse_matrix.npz: missing indptr.npy");
        NpzFiles complex = valid().add("data.npy", NpzFiles.npy("<c16", "(4,)", new byte[64]));
        assertFails(
                complex.write(dir.resolve("sparse_matrix.npz"), true),
                "sparse_matrix.npz: unsupported dtype '<c16' in data.npy");
        NpzFiles nan = valid().doubles("data.npy", "<f8", 1, 2, 3, Double.NaN);
        assertFails(nan.write(dir.resolve("sparse_matrix.npz"), true), "sparse_matrix.npz: NaN in data at row 3");
        NpzFiles shortIndptr = valid().ints("indptr.npy", "<i4", 0, 2, 3, 4);
        assertFails(
                shortIndptr.write(dir.resolve("sparse_matrix.npz"), true),
                "shape (5, 7) does not match indptr length 4");
        NpzFiles bsr = valid().format("bsr");
        assertFails(bsr.write(dir.resolve("sparse_matrix.npz"), true), "unsupported sparse format 'bsr'");
        NpzFiles outOfRange = valid().ints("indices.npy", "<i4", 0, 7, 1, 0);
        assertFails(outOfRange.write(dir.resolve("sparse_matrix.npz"), true), "column index 7 out of range at row 0");
    }

    @Test
    void reportsTheEntryWhereAFileIsTruncated() throws Exception {
        for (boolean compressed : new boolean[] {true, false}) {
            Path whole = dir.resolve("whole.npz");
            Matrices.writeNpz(randomMatrix(200, 300, 3), whole, compressed);
            byte[] bytes = Files.readAllBytes(whole);
            // data.npy is the last entry; cutting the central directory and part of it leaves it short
            Path cut = Files.write(dir.resolve("sparse_matrix.npz"), Arrays.copyOf(bytes, bytes.length * 3 / 4));
            assertFails(cut, "sparse_matrix.npz: truncated (entry data.npy)");
        }
    }
}
