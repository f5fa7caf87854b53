package io.scmap.cli;

import io.scmap.cluster.HdbscanParams;
import io.scmap.embed.EmbedParams;
import picocli.CommandLine.Option;

/** The analysis parameters as options; defaults reproduce the reference. */
final class AnalysisOptions {
    @Option(
            names = "--min-total",
            paramLabel = "X",
            description = "Keep rows whose weighted total exceeds X (default: 40).")
    double minTotal = EmbedParams.DEFAULTS.minTotal();

    @Option(
            names = "--max-share",
            paramLabel = "F",
            description = "Keep rows whose largest share of the row total is at most F (default: 0.4).")
    double maxShare = EmbedParams.DEFAULTS.maxShare();

    @Option(names = "--svd-dims", paramLabel = "K", description = "SVD components (default: 100).")
    int svdDims = EmbedParams.DEFAULTS.svdDims();

    @Option(names = "--neighbors", paramLabel = "K", description = "UMAP n_neighbors (default: 100).")
    int neighbors = EmbedParams.DEFAULTS.neighbors();

    @Option(names = "--min-dist", paramLabel = "D", description = "UMAP min_dist (default: 0.0001).")
    double minDist = EmbedParams.DEFAULTS.minDist();

    @Option(names = "--min-cluster-size", paramLabel = "N", description = "HDBSCAN min_cluster_size (default: 10).")
    int minClusterSize = HdbscanParams.DEFAULTS.minClusterSize();

    @Option(names = "--min-samples", paramLabel = "N", description = "HDBSCAN min_samples (default: 4).")
    int minSamples = HdbscanParams.DEFAULTS.minSamples();

    @Option(names = "--epsilon", paramLabel = "E", description = "HDBSCAN cluster_selection_epsilon (default: 0.09).")
    double epsilon = HdbscanParams.DEFAULTS.clusterSelectionEpsilon();

    @Option(names = "--seed", paramLabel = "S", description = "Seed of every random step (default: 42).")
    long seed = EmbedParams.DEFAULTS.seed();

    EmbedParams embedParams() throws UsageException {
        try {
            return EmbedParams.DEFAULTS
                    .withMinTotal(minTotal)
                    .withMaxShare(maxShare)
                    .withSvdDims(svdDims)
                    .withNeighbors(neighbors)
                    .withMinDist(minDist)
                    .withSeed(seed);
        } catch (IllegalArgumentException e) {
            throw new UsageException(String.valueOf(e.getMessage()));
        }
    }

    HdbscanParams hdbscanParams() throws UsageException {
        try {
            return HdbscanParams.DEFAULTS
                    .withMinClusterSize(minClusterSize)
                    .withMinSamples(minSamples)
                    .withClusterSelectionEpsilon(epsilon);
        } catch (IllegalArgumentException e) {
            throw new UsageException(String.valueOf(e.getMessage()));
        }
    }
}
