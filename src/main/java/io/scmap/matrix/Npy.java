package io.scmap.matrix;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads and writes numpy's {@code .npy} format (versions 1.0, 2.0 and 3.0 read; 1.0, or 2.0 for
 * very long headers, written): the magic {@code \x93NUMPY}, a version, a little-endian header
 * length, then a Python dict literal {@code {'descr': ..., 'fortran_order': ..., 'shape': ...}}
 * padded with spaces and a newline to a multiple of 64 bytes, then the elements.
 *
 * <p>Headers are written byte for byte as numpy 1.x/2.x write them, including the spare spaces
 * numpy leaves for growing the first axis. Reading streams the elements in chunks: O(n) time, no
 * copy beyond the result array.
 */
final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGN = 64;
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;
    /** Elements per chunk when streaming an array in or out. */
    private static final int CHUNK = 8192;

    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    private static final Pattern DTYPE = Pattern.compile("([<>|=]?)([iufbSU])(\\d+)");

    private Npy() {}

    /** An element type parsed from a {@code descr} such as {@code <f8}. */
    record Dtype(String descr, char kind, int size, ByteOrder order) {
        static Dtype parse(String descr, Where where) throws MatrixFormatException {
            Matcher m = DTYPE.matcher(descr);
            if (!m.matches()) {
                throw where.fail("unsupported dtype '" + descr + "'");
            }
            char kind = m.group(2).charAt(0);
            int size = Integer.parseInt(m.group(3));
            boolean numeric = kind == 'i' || kind == 'u' || kind == 'f' || kind == 'b';
            boolean ok = switch (kind) {
                case 'i', 'u' -> size == 1 || size == 2 || size == 4 || size == 8;
                case 'f' -> size == 4 || size == 8;
                case 'b' -> size == 1;
                default -> size >= 0 && size <= 4096;
            };
            if (!ok || (!numeric && size == 0)) {
                throw where.fail("unsupported dtype '" + descr + "'");
            }
            ByteOrder order = m.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            int itemSize = kind == 'U' ? 4 * size : size;
            return new Dtype(descr, kind, itemSize, order);
        }

        boolean isInteger() {
            return kind == 'i' || kind == 'u' || kind == 'b';
        }

        long readInteger(ByteBuffer b) {
            return switch (size) {
                case 1 -> kind == 'i' ? b.get() : b.get() & 0xFFL;
                case 2 -> kind == 'i' ? b.getShort() : b.getShort() & 0xFFFFL;
                case 4 -> kind == 'i' ? b.getInt() : b.getInt() & 0xFFFF_FFFFL;
                default -> b.getLong();
            };
        }

        double readDouble(ByteBuffer b) {
            if (kind == 'f') {
                return size == 4 ? b.getFloat() : b.getDouble();
            }
            long v = readInteger(b);
            return kind == 'u' && size == 8 && v < 0 ? Math.scalb((double) (v >>> 1), 1) : v;
        }
    }

    /** The file and entry an array comes from, for one-line error messages. */
    record Where(String file, String entry) {
        MatrixFormatException fail(String problem) {
            return new MatrixFormatException(file + ": " + problem + " in " + entry);
        }

        MatrixFormatException truncated() {
            return new MatrixFormatException(file + ": truncated (entry " + entry + ")");
        }
    }

    /** A parsed header: element type and shape. */
    static final class Header {
        private final Dtype dtype;
        private final long[] shape;

        Header(Dtype dtype, long[] shape) {
            this.dtype = dtype;
            this.shape = shape.clone();
        }

        Dtype dtype() {
            return dtype;
        }

        long[] shape() {
            return shape.clone();
        }

        long count() {
            long n = 1;
            for (long d : shape) {
                n = Math.multiplyExact(n, d);
            }
            return n;
        }
    }

    static Header readHeader(InputStream in, Where where) throws IOException, MatrixFormatException {
        byte[] prefix = readFully(in, 8, where);
        if (!Arrays.equals(Arrays.copyOf(prefix, 6), MAGIC)) {
            throw where.fail("no .npy magic");
        }
        int major = prefix[6];
        int length;
        if (major == 1) {
            byte[] n = readFully(in, 2, where);
            length = (n[0] & 0xFF) | (n[1] & 0xFF) << 8;
        } else if (major == 2 || major == 3) {
            length = ByteBuffer.wrap(readFully(in, 4, where))
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .getInt();
            if (length < 0 || length > 1 << 24) {
                throw where.fail("header length " + length + " out of range");
            }
        } else {
            throw where.fail("unsupported .npy version " + major + "." + prefix[7]);
        }
        String text = new String(
                readFully(in, length, where), major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return parseHeader(text, where);
    }

    private static Header parseHeader(String text, Where where) throws MatrixFormatException {
        Matcher descr = DESCR.matcher(text);
        Matcher fortran = FORTRAN.matcher(text);
        Matcher shape = SHAPE.matcher(text);
        if (!descr.find()) {
            throw where.fail(text.contains("'descr': [") ? "unsupported structured dtype" : "malformed header");
        }
        if (!fortran.find() || !shape.find()) {
            throw where.fail("malformed header");
        }
        Dtype dtype = Dtype.parse(descr.group(1), where);
        String[] parts = shape.group(1).split(",", -1);
        long[] dims = new long[parts.length];
        int n = 0;
        for (String part : parts) {
            String p = part.strip().replace("L", "");
            if (p.isEmpty()) {
                continue;
            }
            try {
                dims[n++] = Long.parseLong(p);
            } catch (NumberFormatException e) {
                throw where.fail("malformed shape '" + shape.group(1) + "'");
            }
            if (dims[n - 1] < 0) {
                throw where.fail("negative shape '" + shape.group(1) + "'");
            }
        }
        if (n > 1 && fortran.group(1).equals("True")) {
            throw where.fail("unsupported Fortran-ordered array");
        }
        return new Header(dtype, Arrays.copyOf(dims, n));
    }

    /** Takes the element at {@code index}, read from the buffer. */
    @FunctionalInterface
    private interface ElementReader {
        void read(ByteBuffer buf, int index) throws MatrixFormatException;
    }

    /** Reads the elements as ints, checking each fits. */
    static int[] readInts(InputStream in, Header h, Where where) throws IOException, MatrixFormatException {
        if (!h.dtype().isInteger()) {
            throw where.fail("unsupported dtype '" + h.dtype().descr() + "' (integers expected)");
        }
        int[] out = new int[count(h, where)];
        readElements(in, h, out.length, where, (buf, k) -> {
            long v = h.dtype().readInteger(buf);
            if (v != (int) v) {
                throw where.fail("value " + Long.toUnsignedString(v) + " out of int range");
            }
            out[k] = (int) v;
        });
        return out;
    }

    /** Reads numeric elements as doubles. */
    static double[] readDoubles(InputStream in, Header h, Where where) throws IOException, MatrixFormatException {
        if (h.dtype().kind() == 'S' || h.dtype().kind() == 'U') {
            throw where.fail("unsupported dtype '" + h.dtype().descr() + "' (numbers expected)");
        }
        double[] out = new double[count(h, where)];
        readElements(in, h, out.length, where, (buf, k) -> out[k] = h.dtype().readDouble(buf));
        return out;
    }

    /** Streams {@code n} elements in chunks of {@link #CHUNK}, handing each to {@code reader} in order. */
    private static void readElements(InputStream in, Header h, int n, Where where, ElementReader reader)
            throws IOException, MatrixFormatException {
        byte[] bytes = new byte[chunkBytes(h)];
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(h.dtype().order());
        int done = 0;
        while (done < n) {
            int take = fill(in, bytes, buf, h, n - done, where);
            for (int k = 0; k < take; k++) {
                reader.read(buf, done++);
            }
        }
    }

    /** Reads a 0-d (or one-element) byte or unicode string array, such as scipy's format. */
    static String readString(InputStream in, Header h, Where where) throws IOException, MatrixFormatException {
        Dtype t = h.dtype();
        if ((t.kind() != 'S' && t.kind() != 'U') || h.count() != 1) {
            throw where.fail("unsupported dtype '" + t.descr() + "' with shape " + shapeText(h.shape())
                    + " (a string expected)");
        }
        ByteBuffer b = ByteBuffer.wrap(readFully(in, t.size(), where)).order(t.order());
        StringBuilder s = new StringBuilder();
        while (b.hasRemaining()) {
            int c = t.kind() == 'S' ? b.get() & 0xFF : b.getInt();
            if (c != 0) {
                s.appendCodePoint(c);
            }
        }
        return s.toString();
    }

    private static int count(Header h, Where where) throws MatrixFormatException {
        long n;
        try {
            n = h.count();
        } catch (ArithmeticException e) {
            n = Long.MAX_VALUE;
        }
        if (n > Integer.MAX_VALUE - 8) {
            throw where.fail("array of " + n + " elements too large");
        }
        return (int) n;
    }

    private static int chunkBytes(Header h) {
        return h.dtype().size() * CHUNK;
    }

    /** Reads up to {@code left} elements into the buffer, flipped for reading; returns how many. */
    private static int fill(InputStream in, byte[] bytes, ByteBuffer buf, Header h, int left, Where where)
            throws IOException, MatrixFormatException {
        int size = h.dtype().size();
        int take = Math.min(left, buf.capacity() / size);
        buf.clear();
        int want = take * size;
        int got = in.readNBytes(bytes, 0, want);
        if (got < want) {
            throw where.truncated();
        }
        buf.limit(want);
        return take;
    }

    private static byte[] readFully(InputStream in, int n, Where where) throws IOException, MatrixFormatException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw where.truncated();
        }
        return b;
    }

    /** Python's repr of a shape tuple: {@code ()}, {@code (5,)}, {@code (5, 7)}. */
    static String shapeText(long[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        return Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", ", "(", ")"));
    }

    /** Writes a header exactly as numpy's {@code write_array_header_1_0} (or 2.0 when needed). */
    static void writeHeader(OutputStream out, String descr, long[] shape) throws IOException {
        StringBuilder dict = new StringBuilder()
                .append("{'descr': '")
                .append(descr)
                .append("', 'fortran_order': False, 'shape': ")
                .append(shapeText(shape))
                .append(", }");
        if (shape.length > 0) {
            dict.append(
                    " ".repeat(GROWTH_AXIS_MAX_DIGITS - Long.toString(shape[0]).length()));
        }
        byte[] text = dict.toString().getBytes(StandardCharsets.ISO_8859_1);
        int hlen = text.length + 1;
        int pad = ALIGN - ((8 + 2 + hlen) % ALIGN);
        boolean v2 = hlen + pad > 0xFFFF;
        if (v2) {
            pad = ALIGN - ((8 + 4 + hlen) % ALIGN);
        }
        out.write(MAGIC);
        out.write(v2 ? 2 : 1);
        out.write(0);
        int total = hlen + pad;
        out.write(total & 0xFF);
        out.write((total >>> 8) & 0xFF);
        if (v2) {
            out.write((total >>> 16) & 0xFF);
            out.write((total >>> 24) & 0xFF);
        }
        out.write(text);
        out.write(" ".repeat(pad).getBytes(StandardCharsets.ISO_8859_1));
        out.write('\n');
    }

    /** Puts the element at {@code index} into the buffer. */
    @FunctionalInterface
    private interface ElementWriter {
        void put(ByteBuffer buf, int index);
    }

    static void writeInts(OutputStream out, int[] values) throws IOException {
        writeElements(out, "<i4", 4, values.length, (buf, k) -> buf.putInt(values[k]));
    }

    static void writeLongs(OutputStream out, long[] values) throws IOException {
        writeElements(out, "<i8", 8, values.length, (buf, k) -> buf.putLong(values[k]));
    }

    static void writeDoubles(OutputStream out, double[] values) throws IOException {
        writeElements(out, "<f8", 8, values.length, (buf, k) -> buf.putDouble(values[k]));
    }

    /** Writes a 1-d little-endian array of {@code n} elements of {@code size} bytes, in chunks of {@link #CHUNK}. */
    private static void writeElements(OutputStream out, String descr, int size, int n, ElementWriter writer)
            throws IOException {
        writeHeader(out, descr, new long[] {n});
        byte[] bytes = new byte[size * CHUNK];
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i += CHUNK) {
            buf.clear();
            int end = Math.min(n, i + CHUNK);
            for (int k = i; k < end; k++) {
                writer.put(buf, k);
            }
            out.write(bytes, 0, buf.position());
        }
    }

    /** A 0-d byte string array, as scipy writes {@code format.encode('ascii')}. */
    static void writeByteString(OutputStream out, String ascii) throws IOException {
        writeHeader(out, "|S" + ascii.length(), new long[0]);
        out.write(ascii.getBytes(StandardCharsets.US_ASCII));
    }
}
