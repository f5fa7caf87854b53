package io.scmap.map;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A CSV file read row by row with columns looked up by header name, so that column order does not
 * matter and extra columns are ignored. Every parse error names the file, the row and the column.
 */
final class CsvTable {
    private static final int MAX_SHOWN = 40;

    private final CsvReader reader;
    private final String file;
    private final Map<String, Integer> columns = new HashMap<>();
    private List<String> row = List.of();

    private CsvTable(CsvReader reader, String file) {
        this.reader = reader;
        this.file = file;
    }

    /** Reads the header of {@code in} and checks that it has every one of {@code required}. */
    static CsvTable open(Reader in, String file, List<String> required) throws IOException, MapFormatException {
        CsvTable table = new CsvTable(new CsvReader(in, file), file);
        List<String> header = table.reader.next();
        if (header == null) {
            throw new MapFormatException(file + " is empty");
        }
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (table.columns.putIfAbsent(name, i) != null) {
                throw new MapFormatException(file + ": duplicate column '" + shown(name) + "'");
            }
        }
        for (String name : required) {
            if (!table.columns.containsKey(name)) {
                throw new MapFormatException(file + ": missing column '" + name + "'");
            }
        }
        return table;
    }

    /** Moves to the next row, skipping blank lines; false at the end of the file. */
    boolean next() throws IOException, MapFormatException {
        while (true) {
            List<String> fields = reader.next();
            if (fields == null) {
                return false;
            }
            if (fields.size() == 1 && fields.get(0).isEmpty() && columns.size() > 1) {
                continue;
            }
            if (fields.size() != columns.size()) {
                throw new MapFormatException(
                        where() + ": expected " + columns.size() + " fields, found " + fields.size());
            }
            row = fields;
            return true;
        }
    }

    /** Data row number of the current row, counting from 1 after the header. */
    int row() {
        return reader.record();
    }

    boolean has(String column) {
        return columns.containsKey(column);
    }

    /** The text in {@code column}, empty when the file has no such column. */
    String text(String column) {
        Integer i = columns.get(column);
        return i == null ? "" : row.get(i);
    }

    /** The integer in {@code column}; {@code ifEmpty} when the cell is empty or the column absent. */
    long integer(String column, long ifEmpty) throws MapFormatException {
        String s = text(column).strip();
        if (s.isEmpty()) {
            return ifEmpty;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw error(column, "is not an integer", s);
        }
    }

    /** The finite number in {@code column}. */
    double number(String column) throws MapFormatException {
        String s = text(column).strip();
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw error(column, "is not a number", s);
        }
        if (!Double.isFinite(v)) {
            throw error(column, "is not a finite number", s);
        }
        return v;
    }

    /** The ISO date (yyyy-mm-dd) in {@code column}, null when empty. */
    @Nullable
    LocalDate date(String column) throws MapFormatException {
        String s = text(column).strip();
        if (s.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw error(column, "is not a date (yyyy-mm-dd)", s);
        }
    }

    /** An error about the current row's {@code column}, quoting the offending value. */
    MapFormatException error(String column, String problem, String value) {
        return new MapFormatException(where() + ": column '" + column + "' " + problem + ": '" + shown(value) + "'");
    }

    /** An error about the current row. */
    MapFormatException error(String problem) {
        return new MapFormatException(where() + ": " + problem);
    }

    private String where() {
        return file + " row " + reader.record();
    }

    /** The value as it can safely appear in a one-line message: control characters escaped, truncated. */
    static String shown(String value) {
        StringBuilder b = new StringBuilder();
        value.codePoints().limit(MAX_SHOWN).forEach(cp -> {
            if (Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029) {
                b.append(String.format("\\u%04x", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        if (value.codePointCount(0, value.length()) > MAX_SHOWN) {
            b.append('…');
        }
        return b.toString();
    }
}
