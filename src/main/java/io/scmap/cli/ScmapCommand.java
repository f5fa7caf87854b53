package io.scmap.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code scmap} command: a list of subcommands. */
@Command(
        name = "scmap",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Maps the communities of SoundCloud: crawl who interacts with whom, embed, cluster, draw.",
        subcommands = {CommandLine.HelpCommand.class})
final class ScmapCommand implements Runnable {
    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init")
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns the exit code: 0 ok, 1 failure, 2 bad usage. */
    static int execute(String... args) {
        ErrorHandlers handlers = new ErrorHandlers();
        return new CommandLine(new ScmapCommand())
                .setExecutionExceptionHandler(handlers)
                .setParameterExceptionHandler(handlers)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args);
    }
}
