package io.scmap.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every {@code scmap} subcommand has: its picocli spec (output streams, the command line as
 * typed) and the {@code -v} option. picocli injects the annotated fields of superclasses, so a
 * subcommand only adds its own options.
 */
abstract class Subcommand implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Mixin
    VerboseMixin verbose = new VerboseMixin();
}
