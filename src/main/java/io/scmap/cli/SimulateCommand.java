package io.scmap.cli;

import io.scmap.sim.SimParams;
import io.scmap.sim.SimulatedSoundCloud;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code scmap simulate}: serves the simulated SoundCloud until stopped. */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = {
            "Serve a simulated SoundCloud on 127.0.0.1 until stopped (Ctrl-C).",
            "It speaks the web API's paths, JSON and paging, with planted scenes; point 'scmap crawl'"
                    + " at it with --api-base and --web-base."
        })
final class SimulateCommand extends Subcommand {
    @Option(
            names = "--port",
            required = true,
            paramLabel = "P",
            description = "TCP port on 127.0.0.1 (0 picks a free one).")
    int port;

    @Mixin
    WorldOptions world = new WorldOptions();

    @Option(
            names = "--error-rate",
            paramLabel = "F",
            defaultValue = "0",
            description = "Fraction of API requests answered with a fault: 429 (with and without Retry-After),"
                    + " 500/502/503, slow or truncated responses (default: ${DEFAULT-VALUE}).")
    double errorRate;

    @Option(
            names = "--private-share",
            paramLabel = "F",
            defaultValue = "0",
            description = "Fraction of artists, never the suggested seeds, whose tracks and lists answer 403 as"
                    + " SoundCloud answers for private accounts; a crawl skips them as private"
                    + " (default: ${DEFAULT-VALUE}).")
    double privateShare;

    @Option(
            names = "--no-hydration",
            description = "Leave the client_id out of the home page, so clients must find it in the JS assets.")
    boolean noHydration;

    @Option(names = "--truth", paramLabel = "FILE", description = "Write permalink,scene of every artist to FILE.")
    @Nullable
    Path truth;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65_535) {
            throw new UsageException("--port must be in 0..65535, got " + port);
        }
        SimParams params;
        try {
            params = world.params()
                    .withErrorRate(errorRate)
                    .withHydration(!noHydration)
                    .withPrivateShare(privateShare);
        } catch (IllegalArgumentException e) {
            throw new UsageException(String.valueOf(e.getMessage()));
        }
        PrintWriter out = spec.commandLine().getOut();
        try (SimulatedSoundCloud sim = SimulatedSoundCloud.start(params, port)) {
            if (truth != null) {
                Path file = truth;
                try {
                    sim.writeTruth(file);
                } catch (IOException e) {
                    throw new CommandFailedException("cannot write the truth file " + file + ": " + e.getMessage(), e);
                }
                out.println("Planted scenes written to " + file);
            }
            out.println("Simulated SoundCloud: " + sim.artistCount() + " artists in " + params.scenes()
                    + " scenes (seed " + params.seed() + ") at " + sim.baseUrl());
            out.println("Seed artists: " + String.join(",", sim.seedPermalinks(10)));
            out.println("Crawl it with: scmap crawl --db sim.db --seeds " + String.join(",", sim.seedPermalinks(3))
                    + " --api-base " + sim.baseUrl() + " --web-base " + sim.baseUrl());
            out.println("Press Ctrl-C to stop.");
            out.flush();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            stopped.await();
        } catch (IOException e) {
            throw new CommandFailedException("cannot serve on port " + port + ": " + e.getMessage(), e);
        }
        return 0;
    }
}
