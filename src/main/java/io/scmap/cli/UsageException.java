package io.scmap.cli;

/** The command line asked for something impossible (exit code 2), found after parsing. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
