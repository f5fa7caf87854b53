package io.scmap.map;

/**
 * A map table that cannot be read; the message is one line naming the file, the row (data rows
 * count from 1, the header is not counted) and the column, e.g. {@code points.csv row 17: column 'x'
 * is not a number: 'abc'}.
 */
public final class MapFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public MapFormatException(String message) {
        super(message);
    }
}
