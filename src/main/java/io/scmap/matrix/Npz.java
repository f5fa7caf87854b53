package io.scmap.matrix;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes scipy's sparse {@code .npz} files ({@code scipy.sparse.save_npz} / {@code
 * load_npz}): a zip of {@code .npy} arrays.
 *
 * <p>Writing gives a CSR matrix as scipy does: entries {@code indices, indptr, format, shape, data}
 * in that order, int32 indices, float64 data, {@code format} a 0-d {@code |S3} array, {@code shape}
 * int64. Reading accepts CSR, CSC and COO, any supported integer or float dtype, either byte order,
 * deflated or stored, and returns canonical CSR (column indices sorted, duplicates summed, as
 * scipy's {@code sum_duplicates}). Time O(nnz log(longest row)); one pass over the file.
 */
final class Npz {
    private static final String[] CSR_ENTRIES = {"indices", "indptr", "format", "shape", "data"};

    private Npz() {}

    /** Writes {@code m} to {@code file}, DEFLATE-compressed or STORED. */
    static void write(SparseMatrix m, Path file, boolean compressed) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(raw, 1 << 16))) {
            zip.setMethod(compressed ? ZipOutputStream.DEFLATED : ZipOutputStream.STORED);
            for (String name : CSR_ENTRIES) {
                ZipEntry entry = new ZipEntry(name + ".npy");
                entry.setTime(315_532_800_000L); // 1980-01-01, so equal matrices give equal files
                if (!compressed) {
                    CRC32 crc = new CRC32();
                    CountingStream counter = new CountingStream();
                    writeArray(m, name, new CheckedOutputStream(counter, crc));
                    entry.setSize(counter.count);
                    entry.setCompressedSize(counter.count);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                writeArray(m, name, zip);
                zip.closeEntry();
            }
        }
    }

    private static void writeArray(SparseMatrix m, String name, OutputStream out) throws IOException {
        switch (name) {
            case "indices" -> Npy.writeInts(out, m.indices());
            case "indptr" -> Npy.writeInts(out, m.indptr());
            case "format" -> Npy.writeByteString(out, "csr");
            case "shape" -> Npy.writeLongs(out, new long[] {m.rows(), m.cols()});
            default -> Npy.writeDoubles(out, m.data());
        }
    }

    /** Counts bytes and discards them, for the sizes a STORED entry must declare up front. */
    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    /**
     * Reads a sparse matrix saved by scipy.
     *
     * @throws MatrixFormatException naming the file and the first problem found
     */
    static SparseMatrix read(Path file) throws IOException, MatrixFormatException {
        String name = file.getFileName().toString();
        Map<String, Object> arrays = new HashMap<>();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(4);
            byte[] magic = raw.readNBytes(4);
            raw.reset();
            boolean zip = magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && (magic[2] == 3 || magic[2] == 5);
            if (!zip) {
                throw new MatrixFormatException(name + " is not a zip file");
            }
            readEntries(new ZipInputStream(raw), name, arrays);
        }
        requireEnd(file, name);
        return assemble(name, arrays);
    }

    /**
     * A zip ends with its end-of-central-directory record (22 bytes and a comment of up to 64 KiB).
     * A file cut short lacks it even where every entry before the cut reads whole, and scipy
     * refuses it; so do we.
     */
    private static void requireEnd(Path file, String name) throws IOException, MatrixFormatException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            int tail = (int) Math.min(size, 22 + 0xFFFF);
            ByteBuffer buffer = ByteBuffer.allocate(tail);
            channel.position(size - tail);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // read the whole tail
            }
            byte[] t = buffer.array();
            for (int p = buffer.position() - 22; p >= 0; p--) {
                if (t[p] == 'P' && t[p + 1] == 'K' && t[p + 2] == 5 && t[p + 3] == 6) {
                    int comment = (t[p + 20] & 0xff) | (t[p + 21] & 0xff) << 8;
                    if (p + 22 + comment <= buffer.position()) {
                        return;
                    }
                }
            }
        }
        throw new MatrixFormatException(name + ": truncated (the zip's central directory is missing)");
    }

    private static void readEntries(ZipInputStream zip, String name, Map<String, Object> arrays)
            throws IOException, MatrixFormatException {
        String current = "(first entry)";
        try {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                current = e.getName();
                String key = current.endsWith(".npy") ? current.substring(0, current.length() - 4) : current;
                Npy.Where where = new Npy.Where(name, current);
                switch (key) {
                    case "indices", "indptr", "row", "col", "shape" ->
                        arrays.put(key, Npy.readInts(zip, Npy.readHeader(zip, where), where));
                    case "data" -> arrays.put(key, Npy.readDoubles(zip, Npy.readHeader(zip, where), where));
                    case "format" -> arrays.put(key, Npy.readString(zip, Npy.readHeader(zip, where), where));
                    default -> {
                        // other keys (scipy's _is_array flag, offsets of other formats) are ignored
                    }
                }
                zip.closeEntry();
            }
        } catch (EOFException e) {
            throw new MatrixFormatException(name + ": truncated (entry " + current + ")", e);
        } catch (ZipException e) {
            String why = String.valueOf(e.getMessage());
            if (why.toLowerCase(Locale.ROOT).contains("eof")) {
                throw new MatrixFormatException(name + ": truncated (entry " + current + ")", e);
            }
            throw new MatrixFormatException(name + ": corrupt zip (entry " + current + ": " + why + ")", e);
        }
    }

    private static SparseMatrix assemble(String name, Map<String, Object> arrays) throws MatrixFormatException {
        String format = (String) need(name, arrays, "format");
        int[] shape = (int[]) need(name, arrays, "shape");
        if (shape.length != 2) {
            throw new MatrixFormatException(name + ": shape.npy must hold 2 values, got " + shape.length);
        }
        double[] data = (double[]) need(name, arrays, "data");
        Canonical c = new Canonical(name, shape[0], shape[1]);
        return switch (format) {
            case "csr" ->
                c.fromCompressed(
                        (int[]) need(name, arrays, "indptr"), (int[]) need(name, arrays, "indices"), data, true);
            case "csc" ->
                c.fromCompressed(
                        (int[]) need(name, arrays, "indptr"), (int[]) need(name, arrays, "indices"), data, false);
            case "coo" ->
                c.fromTriplets((int[]) need(name, arrays, "row"), (int[]) need(name, arrays, "col"), data, "row");
            default ->
                throw new MatrixFormatException(
                        name + ": unsupported sparse format '" + format + "' (csr, csc or coo expected)");
        };
    }

    private static Object need(String name, Map<String, Object> arrays, String key) throws MatrixFormatException {
        @Nullable Object value = arrays.get(key);
        if (value == null) {
            throw new MatrixFormatException(name + ": missing " + key + ".npy");
        }
        return value;
    }
}
