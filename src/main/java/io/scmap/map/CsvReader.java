package io.scmap.map;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads RFC 4180 CSV record by record: quoted fields may hold commas, doubled quotes and line breaks;
 * records end with CRLF, LF or CR; a leading UTF-8 byte order mark is skipped. A quote inside an unquoted
 * field is kept as text, as spreadsheet programs do. Runs in time linear in the input.
 */
final class CsvReader {
    private static final int NONE = -2;

    private final Reader in;
    private final String file;
    // Own buffer: BufferedReader.read() takes a lock per character.
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private int pushedBack = NONE;
    private int record = -1;
    private boolean started;

    /** {@code file} names the input in error messages. */
    CsvReader(Reader in, String file) {
        this.in = in;
        this.file = file;
    }

    /** The number of the record last returned: 0 for the first (the header), then 1, 2, ... */
    int record() {
        return record;
    }

    /** The next record's fields, or null at the end of the input. */
    @Nullable
    List<String> next() throws IOException, MapFormatException {
        int c = read();
        if (!started) {
            started = true;
            if (c == '\uFEFF') {
                c = read();
            }
        }
        if (c < 0) {
            return null;
        }
        record++;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        while (true) {
            c = c == '"' ? readQuoted(field) : readPlain(field, c);
            fields.add(field.toString());
            field.setLength(0);
            if (c != ',') {
                break;
            }
            c = read();
        }
        if (c == '\r') {
            int d = read();
            if (d != '\n') {
                pushedBack = d;
            }
        }
        return fields;
    }

    /** Reads an unquoted field starting with {@code c}; returns the character that ended it. */
    private int readPlain(StringBuilder field, int first) throws IOException {
        int c = first;
        while (c >= 0 && c != ',' && c != '\r' && c != '\n') {
            field.append((char) c);
            c = read();
        }
        return c;
    }

    /** Reads a quoted field after its opening quote; returns the character after the closing quote. */
    private int readQuoted(StringBuilder field) throws IOException, MapFormatException {
        while (true) {
            int c = read();
            if (c < 0) {
                throw new MapFormatException(where() + ": unterminated quoted field");
            }
            if (c == '"') {
                c = read();
                if (c != '"') {
                    if (c >= 0 && c != ',' && c != '\r' && c != '\n') {
                        throw new MapFormatException(where() + ": unexpected character after a closing quote");
                    }
                    return c;
                }
            }
            field.append((char) c);
        }
    }

    private String where() {
        return record == 0 ? file + " header" : file + " row " + record;
    }

    private int read() throws IOException {
        if (pushedBack != NONE) {
            int c = pushedBack;
            pushedBack = NONE;
            return c;
        }
        if (position == limit) {
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position++];
    }
}
