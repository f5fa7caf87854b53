package io.scmap.cli;

import io.scmap.cluster.Clusterer;
import io.scmap.cluster.Clustering;
import io.scmap.cluster.Generation;
import io.scmap.cluster.HdbscanParams;
import io.scmap.embed.EmbedParams;
import io.scmap.embed.Embedder;
import io.scmap.embed.Embedding;
import io.scmap.map.Atlas;
import io.scmap.map.MapEdge;
import io.scmap.map.MapPoint;
import io.scmap.matrix.ColumnLabel;
import io.scmap.matrix.InteractionMatrix;
import io.scmap.matrix.RowLabel;
import io.scmap.matrix.SparseMatrix;
import io.scmap.source.InteractionType;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Wires the analysis stages: embed the matrix, cluster the map, label the scenes, find each artist's
 * neighbours on the map and the graph between mapped artists, and gather what the manifest records.
 */
final class Analysis {
    /** Neighbours listed per artist ("artists like X"). */
    static final int NEIGHBORS = 10;
    /** Names per automatic scene label. */
    static final int LABEL_NAMES = 3;
    /** The reference's graph keeps pairs whose weighted interaction count exceeds this. */
    static final double EDGE_MIN_WEIGHT = 3;
    /** Trustworthiness is measured on at most this many points (it costs O(n²)). */
    static final int TRUST_SAMPLE = 4000;

    private Analysis() {}

    /** What one analysis produced. */
    record Result(Atlas atlas, Embedding embedding, Clustering clustering, Map<String, Object> manifest) {}

    /**
     * Runs the analysis with progress bars on {@code err}.
     *
     * @param perType unweighted per-type counts with the shape of {@code matrix}, for the edge table, or
     *     null where unknown (imported files)
     */
    static Result run(
            InteractionMatrix matrix,
            @Nullable Map<InteractionType, SparseMatrix> perType,
            EmbedParams embedParams,
            HdbscanParams hdbscanParams,
            String title,
            PrintWriter err) {
        Embedding embedding;
        try (StepBars bars = new StepBars(err)) {
            embedding = Embedder.embed(matrix, embedParams, bars::progress);
        }
        long t0 = System.nanoTime();
        Clustering clustering = Clusterer.hdbscan(embedding.x(), embedding.y(), hdbscanParams);
        double clusterSeconds = (System.nanoTime() - t0) / 1e9;

        int[] kept = embedding.keptRows();
        List<RowLabel> rows = new ArrayList<>(kept.length);
        for (int r : kept) {
            rows.add(matrix.rows().get(r));
        }
        Map<String, Object> timings = new LinkedHashMap<>(embedding.timingsSeconds());
        timings.put("hdbscan", clusterSeconds);
        t0 = System.nanoTime();
        Map<Integer, String> labels = Clusterer.sceneLabels(
                clustering,
                embedding.x(),
                embedding.y(),
                rows.stream().map(RowLabel::name).toList(),
                inDegree(matrix, kept),
                LABEL_NAMES);
        timings.put("scene_labels", seconds(t0));
        t0 = System.nanoTime();
        int[][] near = Clusterer.nearestNeighbors(embedding.x(), embedding.y(), NEIGHBORS);
        List<MapPoint> points = points(rows, embedding, clustering, labels);
        Map<String, List<String>> neighbors = new LinkedHashMap<>();
        for (int i = 0; i < near.length; i++) {
            List<String> list = new ArrayList<>(near[i].length);
            for (int j : near[i]) {
                list.add(rows.get(j).permalink());
            }
            neighbors.put(rows.get(i).permalink(), list);
        }
        timings.put("map_neighbors", seconds(t0));
        t0 = System.nanoTime();
        List<MapEdge> edges = edges(matrix, perType, kept);
        timings.put("edges", seconds(t0));

        Atlas atlas = new Atlas(title, points, edges, neighbors, labels);
        Map<String, Object> manifest = manifest(matrix, embedding, clustering, embedParams, hdbscanParams, timings);
        return new Result(atlas, embedding, clustering, manifest);
    }

    private static List<MapPoint> points(
            List<RowLabel> rows, Embedding embedding, Clustering clustering, Map<Integer, String> labels) {
        List<MapPoint> points = new ArrayList<>(rows.size());
        double[] x = embedding.x(); // the accessors copy: once, not once per point
        double[] y = embedding.y();
        for (int i = 0; i < rows.size(); i++) {
            RowLabel row = rows.get(i);
            int cluster = clustering.label(i);
            points.add(new MapPoint(
                    row.id(),
                    row.permalink(),
                    row.name(),
                    row.followers(),
                    row.emergeDate(),
                    Generation.of(row.emergeDate()),
                    x[i],
                    y[i],
                    cluster,
                    labels.getOrDefault(cluster, "")));
        }
        return points;
    }

    /**
     * How much the mapped artists interact with each mapped artist: the column sum, over kept rows, of
     * the column that is that artist. The scene labels favour artists their scene interacts with most.
     */
    private static double[] inDegree(InteractionMatrix matrix, int[] kept) {
        SparseMatrix values = matrix.values();
        double[] columnSums = new double[values.cols()];
        for (int r : kept) {
            for (int p = values.indptr()[r]; p < values.indptr()[r + 1]; p++) {
                columnSums[values.indices()[p]] += values.data()[p];
            }
        }
        Map<String, Integer> columnOf = columnIndex(matrix.columns());
        double[] weight = new double[kept.length];
        for (int i = 0; i < kept.length; i++) {
            Integer column = columnOf.get(matrix.rows().get(kept[i]).permalink());
            weight[i] = column == null ? 0 : columnSums[column];
        }
        return weight;
    }

    /** Directed ties between mapped artists whose weighted count exceeds {@link #EDGE_MIN_WEIGHT}. */
    private static List<MapEdge> edges(
            InteractionMatrix matrix, @Nullable Map<InteractionType, SparseMatrix> perType, int[] kept) {
        Map<String, Integer> rowOfPermalink = new HashMap<>();
        for (int r : kept) {
            rowOfPermalink.put(matrix.rows().get(r).permalink(), r);
        }
        SparseMatrix values = matrix.values();
        List<MapEdge> edges = new ArrayList<>();
        for (int r : kept) {
            String source = matrix.rows().get(r).permalink();
            for (int p = values.indptr()[r]; p < values.indptr()[r + 1]; p++) {
                int column = values.indices()[p];
                String target = matrix.columns().get(column).permalink();
                if (values.data()[p] <= EDGE_MIN_WEIGHT
                        || target.equals(source)
                        || !rowOfPermalink.containsKey(target)) {
                    continue;
                }
                Map<InteractionType, Integer> counts = new EnumMap<>(InteractionType.class);
                if (perType != null) {
                    perType.forEach((type, m) -> counts.put(type, (int) m.get(r, column)));
                }
                edges.add(new MapEdge(source, target, values.data()[p], counts));
            }
        }
        return edges;
    }

    private static Map<String, Integer> columnIndex(List<ColumnLabel> columns) {
        Map<String, Integer> index = new HashMap<>(columns.size() * 2);
        for (int j = 0; j < columns.size(); j++) {
            index.putIfAbsent(columns.get(j).permalink(), j);
        }
        return index;
    }

    private static Map<String, Object> manifest(
            InteractionMatrix matrix,
            Embedding embedding,
            Clustering clustering,
            EmbedParams embedParams,
            HdbscanParams hdbscanParams,
            Map<String, Object> timings) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("embed", embedParams.toMap());
        parameters.put("hdbscan", hdbscanParams.toMap());
        parameters.put("neighbors_listed", NEIGHBORS);
        parameters.put("edge_min_weight", EDGE_MIN_WEIGHT);

        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("matrix_rows", matrix.values().rows());
        counts.put("matrix_cols", matrix.values().cols());
        counts.put("matrix_nnz", matrix.values().nnz());
        counts.put("filters", embedding.counts());
        counts.put("clusters", clustering.clusterCount());
        counts.put("noise", clustering.noiseCount());

        long t0 = System.nanoTime();
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("trustworthiness_15", trustworthiness(embedding));
        metrics.put("trustworthiness_sample", Math.min(embedding.keptRows().length, trustSample(embedding)));
        timings.put("trustworthiness", seconds(t0));

        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put("parameters", parameters);
        sections.put("counts", counts);
        sections.put("timings_seconds", timings);
        sections.put("metrics", metrics);
        return sections;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** How many points {@link #trustworthiness} measures. */
    private static int trustSample(Embedding embedding) {
        int n = embedding.keptRows().length;
        int step = Math.max(1, (n + TRUST_SAMPLE - 1) / TRUST_SAMPLE);
        return (n + step - 1) / step;
    }

    /** Trustworthiness (15 neighbours) of the map against the SVD space, on an evenly spaced sample. */
    private static double trustworthiness(Embedding embedding) {
        double[][] high = embedding.svd().scores();
        double[][] low = embedding.coordinates();
        int n = high.length;
        if (n <= 16) {
            return Double.NaN;
        }
        int step = Math.max(1, (n + TRUST_SAMPLE - 1) / TRUST_SAMPLE);
        int m = (n + step - 1) / step;
        double[][] h = new double[m][];
        double[][] l = new double[m][];
        for (int i = 0; i < m; i++) {
            h[i] = high[i * step];
            l[i] = low[i * step];
        }
        return Embedder.trustworthiness(h, l, 15);
    }
}
