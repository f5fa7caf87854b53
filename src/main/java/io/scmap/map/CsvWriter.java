package io.scmap.map;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes RFC 4180 CSV: records end with CRLF; a field is quoted when it holds a comma, a quote, CR or LF
 * (or leading/trailing spaces, which some readers trim), with quotes doubled inside.
 *
 * <p>Values are written as given: names that start with {@code =}, {@code +}, {@code -} or {@code @} are
 * not altered, because these files are data for pandas and DuckDB; a spreadsheet user opening them
 * should import rather than open.
 */
final class CsvWriter {
    private final Writer out;

    CsvWriter(Writer out) {
        this.out = out;
    }

    /** Writes one record. */
    void write(List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            writeField(fields.get(i));
        }
        out.write("\r\n");
    }

    /** Writes one record. */
    void write(String... fields) throws IOException {
        write(List.of(fields));
    }

    private void writeField(String field) throws IOException {
        if (!needsQuotes(field)) {
            out.write(field);
            return;
        }
        out.write('"');
        out.write(field.replace("\"", "\"\""));
        out.write('"');
    }

    static boolean needsQuotes(String field) {
        if (field.isEmpty()) {
            return false;
        }
        if (field.charAt(0) == ' ' || field.charAt(field.length() - 1) == ' ') {
            return true;
        }
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }
}
