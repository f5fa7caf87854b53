package io.scmap.matrix;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits RFC 4180 text into records: fields separated by commas, records by CRLF or LF, fields
 * in double quotes may hold commas, line breaks and doubled quotes. Lenient where Python's csv
 * module is (a stray quote inside an unquoted field is kept). O(text length).
 */
final class CsvParser {
    private CsvParser() {}

    static List<List<String>> parse(String text, String file) throws MatrixFormatException {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int n = text.length();
        int i = 0;
        boolean fieldStarted = false;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '"' && field.length() == 0 && !fieldStarted) {
                i = quoted(text, i + 1, field, file, records.size());
                fieldStarted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
                i++;
            } else if (c == '\r' || c == '\n') {
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
                records.add(record);
                record = new ArrayList<>();
                i += c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
            } else if (field.length() == 0) {
                // A plain field: take the run up to the next separator in one piece.
                int end = i + 1;
                while (end < n && !isSeparator(text.charAt(end))) {
                    end++;
                }
                field.append(text, i, end);
                fieldStarted = true;
                i = end;
            } else {
                field.append(c);
                fieldStarted = true;
                i++;
            }
        }
        if (fieldStarted || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        records.removeIf(r -> r.size() == 1 && r.get(0).isEmpty());
        return records;
    }

    private static boolean isSeparator(char c) {
        return c == ',' || c == '\r' || c == '\n';
    }

    /** Reads a quoted field starting after its opening quote; returns the index after its closing quote. */
    private static int quoted(String text, int from, StringBuilder field, String file, int record)
            throws MatrixFormatException {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '"') {
                field.append(c);
                i++;
            } else if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                field.append('"');
                i += 2;
            } else {
                return i + 1;
            }
        }
        throw new MatrixFormatException(file + " row " + record + ": unterminated quoted field");
    }
}
