package io.scmap.matrix;

import io.scmap.source.InteractionType;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The reference's label files: {@code remaining_seeds.csv} ({@code links,names,followers,emerge_date},
 * dates as M/D/YYYY) and {@code seeds.csv} ({@code links,names,followers}), UTF-8, RFC 4180
 * quoting. Reading finds columns by header name (so pandas' unnamed index column or extra columns
 * are ignored) and accepts pandas' spellings: followers as {@code 123} or {@code 123.0}, missing as
 * empty or {@code nan}; dates as M/D/YYYY, YYYY-MM-DD or a pandas timestamp. O(file size).
 */
final class ReferenceCsv {
    private static final Pattern US_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})([ T].*)?");
    private static final Pattern URL_PREFIX = Pattern.compile("^https?://(www\\.|m\\.)?soundcloud\\.com/");

    private ReferenceCsv() {}

    static List<RowLabel> readRows(Path file) throws IOException, MatrixFormatException {
        Table t = Table.read(file);
        int links = t.column("links", true);
        int names = t.column("names", false);
        int followers = t.column("followers", false);
        int emerge = t.column("emerge_date", false);
        List<RowLabel> out = new ArrayList<>(t.rows.size());
        for (int r = 0; r < t.rows.size(); r++) {
            List<String> row = t.rows.get(r);
            out.add(new RowLabel(
                    -1,
                    permalink(row.get(links)),
                    names < 0 ? "" : row.get(names),
                    followers < 0 ? -1 : t.count(r, followers),
                    emerge < 0 ? null : date(row.get(emerge))));
        }
        return out;
    }

    static List<ColumnLabel> readColumns(Path file) throws IOException, MatrixFormatException {
        Table t = Table.read(file);
        int links = t.column("links", true);
        int names = t.column("names", false);
        List<ColumnLabel> out = new ArrayList<>(t.rows.size());
        for (List<String> row : t.rows) {
            out.add(new ColumnLabel(-1, permalink(row.get(links)), names < 0 ? "" : row.get(names)));
        }
        return out;
    }

    static void writeRows(List<RowLabel> rows, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeRecord(w, "links", "names", "followers", "emerge_date");
            for (RowLabel r : rows) {
                LocalDate d = r.emergeDate();
                String date = d == null ? "" : d.getMonthValue() + "/" + d.getDayOfMonth() + "/" + d.getYear();
                writeRecord(w, r.permalink(), r.name(), r.followers() < 0 ? "" : Long.toString(r.followers()), date);
            }
        }
    }

    /** Columns with the follower count of the same account where it is also a row, else empty. */
    static void writeColumns(List<ColumnLabel> columns, List<RowLabel> rows, Path file) throws IOException {
        Map<String, Long> followers = new HashMap<>();
        for (RowLabel r : rows) {
            if (r.followers() >= 0) {
                followers.put(key(r.id(), r.permalink()), r.followers());
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeRecord(w, "links", "names", "followers");
            for (ColumnLabel c : columns) {
                Long f = followers.get(key(c.id(), c.permalink()));
                writeRecord(w, c.permalink(), c.name(), f == null ? "" : f.toString());
            }
        }
    }

    private static String key(long id, String permalink) {
        return id >= 0 ? "#" + id : "@" + permalink;
    }

    /** One line per nonzero cell: permalinks, weight, then the unweighted count of each type. */
    static void writeEdgeList(InteractionMatrix m, Map<InteractionType, SparseMatrix> perType, Path file)
            throws IOException {
        SparseMatrix v = m.values();
        InteractionType[] types = {
            InteractionType.LIKE, InteractionType.COMMENT, InteractionType.REPOST, InteractionType.FOLLOW
        };
        for (Map.Entry<InteractionType, SparseMatrix> e : perType.entrySet()) {
            if (e.getValue().rows() != v.rows() || e.getValue().cols() != v.cols()) {
                throw new IllegalArgumentException(
                        "perType " + e.getKey() + " is " + e.getValue().rows() + " x "
                                + e.getValue().cols() + " but the matrix is " + v.rows() + " x " + v.cols());
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeRecord(w, "source", "target", "weight", "likes", "comments", "reposts", "follows");
            String[] fields = new String[7];
            for (int i = 0; i < v.rows(); i++) {
                for (int p = v.indptr()[i]; p < v.indptr()[i + 1]; p++) {
                    if (v.data()[p] == 0) {
                        continue;
                    }
                    int j = v.indices()[p];
                    fields[0] = m.rows().get(i).permalink();
                    fields[1] = m.columns().get(j).permalink();
                    fields[2] = number(v.data()[p]);
                    for (int t = 0; t < types.length; t++) {
                        SparseMatrix typed = perType.get(types[t]);
                        fields[3 + t] = typed == null ? "0" : number(typed.get(i, j));
                    }
                    writeRecord(w, fields);
                }
            }
        }
    }

    /** Whole numbers without a fraction, others in Java's round-trip decimal form. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    static void writeRecord(Writer w, String... fields) throws IOException {
        for (int k = 0; k < fields.length; k++) {
            if (k > 0) {
                w.write(',');
            }
            String f = fields[k];
            boolean quote = f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0;
            w.write(quote ? '"' + f.replace("\"", "\"\"") + '"' : f);
        }
        w.write("\r\n");
    }

    /** The permalink of a reference link: a bare permalink, or a SoundCloud URL reduced to one. */
    static String permalink(String link) {
        String s = link.strip();
        if (!s.startsWith("http")) {
            return s;
        }
        Matcher m = URL_PREFIX.matcher(s);
        if (m.lookingAt()) {
            s = s.substring(m.end());
            while (s.endsWith("/")) {
                s = s.substring(0, s.length() - 1);
            }
        }
        return s;
    }

    /** M/D/YYYY, YYYY-MM-DD or a pandas timestamp; null where empty or unparseable. */
    static @Nullable LocalDate date(String text) {
        String s = text.strip();
        try {
            Matcher us = US_DATE.matcher(s);
            if (us.matches()) {
                return LocalDate.of(
                        Integer.parseInt(us.group(3)), Integer.parseInt(us.group(1)), Integer.parseInt(us.group(2)));
            }
            Matcher iso = ISO_DATE.matcher(s);
            if (iso.matches()) {
                return LocalDate.of(
                        Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }

    /** A parsed CSV file: header and records, every record as wide as the header. */
    private static final class Table {
        final String file;
        final List<String> header;
        final List<List<String>> rows;

        private Table(String file, List<String> header, List<List<String>> rows) {
            this.file = file;
            this.header = header;
            this.rows = rows;
        }

        static Table read(Path path) throws IOException, MatrixFormatException {
            String name = path.getFileName().toString();
            String text;
            try {
                text = StandardCharsets.UTF_8
                        .newDecoder()
                        .decode(ByteBuffer.wrap(Files.readAllBytes(path)))
                        .toString();
            } catch (CharacterCodingException e) {
                throw new MatrixFormatException(name + ": not UTF-8 text", e);
            }
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            List<List<String>> records = CsvParser.parse(text, name);
            if (records.isEmpty()) {
                throw new MatrixFormatException(name + ": empty file, a header row expected");
            }
            List<String> header = records.get(0);
            List<List<String>> rows = new ArrayList<>(records.subList(1, records.size()));
            for (int r = 0; r < rows.size(); r++) {
                if (rows.get(r).size() != header.size()) {
                    throw new MatrixFormatException(name + " row " + (r + 1) + ": "
                            + rows.get(r).size() + " fields but the header has " + header.size());
                }
            }
            return new Table(name, header, rows);
        }

        int column(String key, boolean required) throws MatrixFormatException {
            int k = header.indexOf(key);
            if (k < 0 && required) {
                throw new MatrixFormatException(
                        file + ": no '" + key + "' column in header '" + String.join(",", header) + "'");
            }
            return k;
        }

        long count(int r, int k) throws MatrixFormatException {
            String s = rows.get(r).get(k).strip();
            if (s.isEmpty() || s.toLowerCase(Locale.ROOT).equals("nan")) {
                return -1;
            }
            try {
                double v = Double.parseDouble(s);
                if (v >= 0 && v == Math.rint(v) && v < 9e18) {
                    return (long) v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new MatrixFormatException(
                    file + " row " + (r + 1) + ", column " + header.get(k) + ": not a count: '" + s + "'");
        }
    }
}
