package io.scmap.cli;

import picocli.CommandLine.Option;

/** The {@code -v} option shared by every command: stack traces on failure. */
final class VerboseMixin {
    @Option(
            names = {"-v", "--verbose"},
            description = "Print stack traces on failure.")
    boolean verbose;
}
