package io.scmap.cli;

import io.scmap.sim.SimParams;
import picocli.CommandLine.Option;

/** Options that shape the simulated world, shared by {@code demo} and {@code simulate}. */
final class WorldOptions {
    @Option(
            names = "--artists",
            paramLabel = "N",
            description = "Number of artists in the simulated world (default: 3000).")
    int artists = SimParams.DEFAULTS.artists();

    @Option(names = "--scenes", paramLabel = "N", description = "Number of planted scenes (default: 12).")
    int scenes = SimParams.DEFAULTS.scenes();

    @Option(
            names = "--seed",
            paramLabel = "S",
            description = "Seed of the simulated world and of every random step (default: 42).")
    long seed = SimParams.DEFAULTS.seed();

    /** The simulator's parameters; IllegalArgumentException names a bad value. */
    SimParams params() {
        return SimParams.DEFAULTS
                .withArtists(artists)
                .withScenes(Math.min(scenes, artists))
                .withSeed(seed);
    }
}
