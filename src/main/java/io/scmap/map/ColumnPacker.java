package io.scmap.map;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntToLongFunction;
import java.util.zip.GZIPOutputStream;

/**
 * Packs columns of numbers and strings into one gzip stream that a browser unpacks with {@code
 * DecompressionStream} and turns into typed arrays without parsing: each column is little-endian binary
 * stored byte-plane by byte-plane (see {@link #numbers}), starts at a multiple of 8 bytes, and is
 * described by a {@link Column} (name, element type, element count) in the page's JSON. Integer columns take the narrowest type that holds their values. A string
 * column is two columns: the strings' lengths in UTF-16 code units ({@code name + "Length"}) and their
 * UTF-8 bytes, concatenated ({@code name}, type {@code utf8}); the page decodes the bytes once and cuts
 * the text by length. Deterministic: the same columns give the same bytes (the gzip header carries no
 * time). Linear in the data.
 */
final class ColumnPacker {
    /** One packed column: its name, element type (f32, f64, i8, u8, i16, u16, i32, u32, utf8) and count. */
    record Column(String name, String type, int length) {}

    private static final int ALIGN = 8;
    private static final int CHUNK = 1 << 16;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
    private final CountingGzip gzip;
    private final List<Column> columns = new ArrayList<>();
    private final ByteBuffer buffer = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);

    ColumnPacker() {
        try {
            gzip = new CountingGzip(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The columns packed so far, in order. */
    List<Column> columns() {
        return List.copyOf(columns);
    }

    /** Finishes the stream and returns the compressed bytes; pack nothing after this. */
    byte[] finish() {
        try {
            gzip.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Packs {@code n} single-precision floats. */
    void float32(String name, int n, IntToDoubleFunction value) {
        numbers(name, "f32", n, (b, i) -> b.putFloat((float) value.applyAsDouble(i)));
    }

    /** Packs {@code n} double-precision floats. */
    void float64(String name, int n, IntToDoubleFunction value) {
        numbers(name, "f64", n, (b, i) -> b.putDouble(value.applyAsDouble(i)));
    }

    /** Packs {@code n} integers as the narrowest of i8, u8, i16, u16, i32 and u32 that holds them all. */
    void integers(String name, int n, IntToLongFunction value) {
        long min = 0;
        long max = 0;
        for (int i = 0; i < n; i++) {
            long v = value.applyAsLong(i);
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        String type = narrowest(name, min, max);
        int size = Integer.parseInt(type.substring(1)) / 8;
        numbers(name, type, n, (b, i) -> {
            long v = value.applyAsLong(i);
            switch (size) {
                case 1 -> b.put((byte) v);
                case 2 -> b.putShort((short) v);
                default -> b.putInt((int) v);
            }
        });
    }

    /** Writes element {@code i} of a column into a little-endian buffer. */
    @FunctionalInterface
    private interface Element {
        void put(ByteBuffer buffer, int i);
    }

    /**
     * Packs a numeric column byte-plane by byte-plane: first byte of every element, then the second, and
     * so on (a "shuffle"). Sign, exponent and high bytes vary slowly across neighbouring elements, so
     * grouped together they compress far better than interleaved with noisy low bytes; the page undoes
     * it with one pass over the column.
     */
    private void numbers(String name, String type, int n, Element element) {
        int size = Integer.parseInt(type.substring(1)) / 8;
        if ((long) n * size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(name + ": too many values for one column, " + n);
        }
        ByteBuffer column = ByteBuffer.allocate(n * size).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            element.put(column, i);
        }
        byte[] raw = column.array();
        begin(name, type, n);
        for (int plane = 0; plane < size; plane++) {
            for (int i = 0; i < n; i++) {
                room(1).put(raw[i * size + plane]);
            }
        }
        end();
    }

    /** Packs {@code n} strings as their UTF-16 lengths ({@code name + "Length"}) and UTF-8 text. */
    void strings(String name, int n, IntFunction<String> value) {
        integers(name + "Length", n, i -> wellFormed(value.apply(i)).length());
        long start = gzip.written;
        begin(name, "utf8", 0);
        for (int i = 0; i < n; i++) {
            byte[] utf8 = wellFormed(value.apply(i)).getBytes(StandardCharsets.UTF_8);
            for (int at = 0; at < utf8.length; at += CHUNK) {
                int len = Math.min(CHUNK, utf8.length - at);
                room(len).put(utf8, at, len);
            }
        }
        flush();
        long length = gzip.written - start;
        if (length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + ": text too long for one page, " + length + " bytes");
        }
        columns.set(columns.size() - 1, new Column(name, "utf8", (int) length));
        end();
    }

    /**
     * {@code s} with unpaired surrogates replaced by U+FFFD, so that its UTF-8 bytes decode back to
     * exactly as many UTF-16 units as {@code s} has.
     */
    static String wellFormed(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean paired = Character.isHighSurrogate(c)
                    ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                    : !Character.isLowSurrogate(c) || (i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
            if (!paired && b == null) {
                b = new StringBuilder(s.substring(0, i));
            }
            if (b != null) {
                b.append(paired ? c : '\uFFFD');
            }
        }
        return b == null ? s : b.toString();
    }

    private static String narrowest(String name, long min, long max) {
        if (min >= Byte.MIN_VALUE && max <= Byte.MAX_VALUE) {
            return "i8";
        } else if (min >= 0 && max <= 0xff) {
            return "u8";
        } else if (min >= Short.MIN_VALUE && max <= Short.MAX_VALUE) {
            return "i16";
        } else if (min >= 0 && max <= 0xffff) {
            return "u16";
        } else if (min >= Integer.MIN_VALUE && max <= Integer.MAX_VALUE) {
            return "i32";
        } else if (min >= 0 && max <= 0xffffffffL) {
            return "u32";
        }
        throw new IllegalArgumentException(
                String.format(Locale.ROOT, "%s: values must fit 32 bits, got %d..%d", name, min, max));
    }

    private void begin(String name, String type, int length) {
        columns.add(new Column(name, type, length));
    }

    private void end() {
        flush();
        int pad = (int) ((ALIGN - gzip.written % ALIGN) % ALIGN);
        room(pad).put(new byte[pad]);
        flush();
    }

    private ByteBuffer room(int size) {
        if (buffer.remaining() < size) {
            flush();
        }
        return buffer;
    }

    private void flush() {
        try {
            gzip.write(buffer.array(), 0, buffer.position());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buffer.clear();
    }

    /** A gzip stream that counts the uncompressed bytes written, to align columns. */
    private static final class CountingGzip extends GZIPOutputStream {
        long written;

        CountingGzip(OutputStream out) throws IOException {
            super(out, CHUNK);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            super.write(b, off, len);
            written += len;
        }
    }
}
