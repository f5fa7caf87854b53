package io.scmap.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * Turns failures into one clear line on standard error: exit 2 for bad usage, 1 for everything
 * else. The stack trace is printed only with {@code -v}/{@code --verbose}.
 */
final class ErrorHandlers implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("scmap: " + oneLine(ex.getMessage()) + " (see '"
                + cmd.getCommandSpec().qualifiedName() + " --help')");
        if (isVerbose(List.of(args))) {
            ex.printStackTrace(err);
        }
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        if (ex instanceof UsageException) {
            err.println("scmap: " + oneLine(ex.getMessage()) + " (see '"
                    + cmd.getCommandSpec().qualifiedName() + " --help')");
            err.flush();
            return 2;
        }
        err.println("scmap: " + describe(ex));
        if (isVerbose(parseResult.originalArgs())) {
            ex.printStackTrace(err);
        } else if (!(ex instanceof CommandFailedException)) {
            err.println("scmap: run again with -v to see the stack trace");
        }
        err.flush();
        return 1;
    }

    /** The message of an exception, or its kind where it has none (a bug, not a user error). */
    static String describe(Throwable ex) {
        String message = ex.getMessage();
        if (ex instanceof CommandFailedException || ex instanceof UsageException) {
            return oneLine(message == null ? "failed" : message);
        }
        if (ex instanceof RuntimeException || ex instanceof Error) {
            return "internal error: " + ex.getClass().getSimpleName()
                    + (message == null ? "" : ": " + oneLine(message));
        }
        return oneLine(message == null ? ex.getClass().getSimpleName() : message);
    }

    private static String oneLine(@org.jspecify.annotations.Nullable String s) {
        if (s == null) {
            return "";
        }
        String line = s.strip();
        int nl = line.indexOf('\n');
        return nl < 0 ? line : line.substring(0, nl).strip();
    }

    private static boolean isVerbose(List<String> args) {
        return args.contains("-v") || args.contains("--verbose");
    }
}
