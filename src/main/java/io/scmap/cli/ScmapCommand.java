package io.scmap.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code scmap} command: a list of subcommands. */
@Command(
        name = "scmap",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Maps the communities of SoundCloud: crawl who interacts with whom, embed, cluster, draw.",
        subcommands = {
            DemoCommand.class,
            SimulateCommand.class,
            CrawlCommand.class,
            StatusCommand.class,
            AnalyzeCommand.class,
            RenderCommand.class,
            ExportCommand.class,
            ImportCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        })
final class ScmapCommand implements Runnable {
    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init")
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The command line as typed ({@code scmap demo --out x}), for manifests. */
    static List<String> typed(CommandLine.Model.CommandSpec command) {
        List<String> args = new ArrayList<>();
        args.add("scmap");
        args.add(command.name());
        args.addAll(command.commandLine().getParseResult().originalArgs());
        return args;
    }

    /** Runs the command line and returns the exit code: 0 ok, 1 failure, 2 bad usage. */
    static int execute(String... args) {
        return execute(
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
                args);
    }

    /** Runs the command line with the given output and error streams (tests capture them). */
    static int execute(PrintWriter out, PrintWriter err, String... args) {
        ErrorHandlers handlers = new ErrorHandlers();
        return new CommandLine(new ScmapCommand())
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler(handlers)
                .setParameterExceptionHandler(handlers)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args);
    }
}
