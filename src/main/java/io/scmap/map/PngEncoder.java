package io.scmap.map;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Encodes an image as PNG (ISO/IEC 15948, the W3C "Portable Network Graphics" specification): 8-bit
 * truecolour, with alpha for {@link BufferedImage#TYPE_INT_ARGB} images, every row unfiltered and
 * deflated at level 6, with a physical size of 300 pixels per inch so that print layouts size the map
 * sensibly. Unfiltered rows suit a map that is mostly flat background and make this several times faster
 * than ImageIO's writer, which tries every filter on every row, for about the same size. No time stamp or
 * other varying chunk: the same pixels give the same bytes. Linear in the number of pixels.
 */
final class PngEncoder {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int PIXELS_PER_METRE = 11_811; // 300 per inch
    private static final int CHUNK = 1 << 16;

    private PngEncoder() {}

    /**
     * Writes {@code image} to {@code out} (which stays open).
     *
     * @throws IllegalArgumentException unless the image is of type {@code TYPE_INT_RGB} or {@code
     *     TYPE_INT_ARGB}
     */
    static void write(BufferedImage image, OutputStream out) throws IOException {
        boolean alpha = switch (image.getType()) {
            case BufferedImage.TYPE_INT_RGB -> false;
            case BufferedImage.TYPE_INT_ARGB -> true;
            default ->
                throw new IllegalArgumentException(
                        "image must be of type TYPE_INT_RGB or TYPE_INT_ARGB, got type " + image.getType());
        };
        int width = image.getWidth();
        int height = image.getHeight();
        out.write(SIGNATURE);
        ByteArrayOutputStream header = new ByteArrayOutputStream(13);
        DataOutputStream h = new DataOutputStream(header);
        h.writeInt(width);
        h.writeInt(height);
        h.writeByte(8); // bits per channel
        h.writeByte(alpha ? 6 : 2); // truecolour with alpha, or without
        h.writeByte(0); // deflate
        h.writeByte(0); // adaptive filtering (each row says its filter; ours say none)
        h.writeByte(0); // no interlace
        chunk(out, "IHDR", header.toByteArray(), header.size());
        ByteArrayOutputStream physical = new ByteArrayOutputStream(9);
        DataOutputStream p = new DataOutputStream(physical);
        p.writeInt(PIXELS_PER_METRE);
        p.writeInt(PIXELS_PER_METRE);
        p.writeByte(1); // unit: metre
        chunk(out, "pHYs", physical.toByteArray(), physical.size());
        pixels(image, alpha, out);
        chunk(out, "IEND", new byte[0], 0);
    }

    /** The rows, deflated, in IDAT chunks of at most {@value #CHUNK} bytes. */
    private static void pixels(BufferedImage image, boolean alpha, OutputStream out) throws IOException {
        int width = image.getWidth();
        int channels = alpha ? 4 : 3;
        int[] argb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        Deflater deflater = new Deflater(6);
        try {
            IdatStream idat = new IdatStream(out);
            DeflaterOutputStream z = new DeflaterOutputStream(idat, deflater, CHUNK);
            byte[] row = new byte[1 + channels * width];
            for (int y = 0; y < image.getHeight(); y++) {
                int at = 1;
                for (int x = 0, i = y * width; x < width; x++, i++) {
                    int v = argb[i];
                    row[at++] = (byte) (v >> 16);
                    row[at++] = (byte) (v >> 8);
                    row[at++] = (byte) v;
                    if (alpha) {
                        row[at++] = (byte) (v >>> 24);
                    }
                }
                z.write(row);
            }
            z.finish();
            idat.flushChunk();
        } finally {
            deflater.end();
        }
    }

    private static void chunk(OutputStream out, String type, byte[] data, int length) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(length);
        d.write(name);
        d.write(data, 0, length);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data, 0, length);
        d.writeInt((int) crc.getValue());
        d.flush();
    }

    /** Collects deflated bytes and writes them out as IDAT chunks. */
    private static final class IdatStream extends OutputStream {
        private final OutputStream out;
        private final byte[] buffer = new byte[CHUNK];
        private int size;

        IdatStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            if (size == buffer.length) {
                flushChunk();
            }
            buffer[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (size == buffer.length) {
                    flushChunk();
                }
                int n = Math.min(len, buffer.length - size);
                System.arraycopy(b, off, buffer, size, n);
                size += n;
                off += n;
                len -= n;
            }
        }

        void flushChunk() throws IOException {
            if (size > 0) {
                chunk(out, "IDAT", buffer, size);
                size = 0;
            }
        }
    }
}
