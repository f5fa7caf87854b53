package io.scmap.matrix;

/**
 * A matrix or label file that cannot be read or written: not a zip, truncated, missing an entry,
 * an unsupported dtype, a malformed CSV row, or parts that do not fit together. The message is
 * one line naming the file and the problem.
 */
public final class MatrixFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public MatrixFormatException(String message) {
        super(message);
    }

    public MatrixFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
