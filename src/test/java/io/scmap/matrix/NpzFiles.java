package io.scmap.matrix;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds .npy entries and .npz files by hand, independently of the code under test. */
final class NpzFiles {
    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    static NpzFiles create() {
        return new NpzFiles();
    }

    NpzFiles add(String name, byte[] npy) {
        entries.put(name, npy);
        return this;
    }

    NpzFiles ints(String name, String descr, long... values) {
        int size = Integer.parseInt(descr.substring(2));
        byte[] bytes = new byte[values.length * size];
        ByteBuffer b = buffer(descr, bytes);
        for (long v : values) {
            if (size == 4) {
                b.putInt((int) v);
            } else {
                b.putLong(v);
            }
        }
        return add(name, npy(descr, "(" + values.length + ",)", bytes));
    }

    NpzFiles doubles(String name, String descr, double... values) {
        int size = Integer.parseInt(descr.substring(2));
        byte[] bytes = new byte[values.length * size];
        ByteBuffer b = buffer(descr, bytes);
        for (double v : values) {
            if (size == 4) {
                b.putFloat((float) v);
            } else {
                b.putDouble(v);
            }
        }
        return add(name, npy(descr, "(" + values.length + ",)", bytes));
    }

    NpzFiles format(String format) {
        return add("format.npy", npy("|S" + format.length(), "()", format.getBytes(StandardCharsets.US_ASCII)));
    }

    NpzFiles shape(long rows, long cols) {
        return ints("shape.npy", "<i8", rows, cols);
    }

    private static ByteBuffer buffer(String descr, byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(descr.startsWith(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    }

    /** A version 1.0 .npy: magic, header padded to 64 bytes, body. */
    static byte[] npy(String descr, String shape, byte[] body) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int pad = 63 - ((10 + dict.length()) % 64);
        String header = dict + " ".repeat(pad) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.write(header.length() & 0xFF);
        out.write(header.length() >>> 8);
        out.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /**
     * Writes the entries STORED with the local headers Python's zipfile writes under numpy's
     * {@code force_zip64=True}: sizes 0xFFFFFFFF and the real ones in a zip64 extra field.
     */
    Path writeZip64Style(Path file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
            CRC32 crc = new CRC32();
            crc.update(e.getValue());
            byte[] header = new byte[30 + name.length + 20];
            ByteBuffer b = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
            b.putInt(0x04034b50).putShort((short) 45).putShort((short) 0).putShort((short) 0);
            b.putShort((short) 0).putShort((short) 0x21).putInt((int) crc.getValue());
            b.putInt(-1)
                    .putInt(-1)
                    .putShort((short) name.length)
                    .putShort((short) 20)
                    .put(name);
            b.putShort((short) 1)
                    .putShort((short) 16)
                    .putLong(e.getValue().length)
                    .putLong(e.getValue().length);
            out.writeBytes(header);
            out.writeBytes(e.getValue());
        }
        out.writeBytes(new byte[] {'P', 'K', 5, 6});
        out.writeBytes(new byte[18]);
        return Files.write(file, out.toByteArray());
    }

    Path write(Path file, boolean compressed) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(raw)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                if (!compressed) {
                    CRC32 crc = new CRC32();
                    crc.update(e.getValue());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(e.getValue().length);
                    entry.setCompressedSize(e.getValue().length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }
}
