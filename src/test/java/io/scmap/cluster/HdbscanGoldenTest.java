package io.scmap.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our HDBSCAN against an independent implementation: labels made by R's {@code dbscan::hdbscan}
 * (see {@code golden/make_golden.R} beside the files) on fixed points, where the two libraries'
 * parameters coincide: R's {@code minPts} is our minimum cluster size, and its core distance (the
 * distance to the {@code minPts - 1}-th nearest other point) is our {@code minSamples = minPts - 1};
 * no epsilon, no single cluster.
 */
class HdbscanGoldenTest {
    private static final Pattern HEADER = Pattern.compile("# dbscan::hdbscan\\(minPts = (\\d+)\\).*");

    /** A golden file's parameter, points and R's labels. */
    private static final class Golden {
        final int minPts;
        final double[][] points;
        final int[] labels;

        Golden(int minPts, double[][] points, int[] labels) {
            this.minPts = minPts;
            this.points = points;
            this.labels = labels;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"blobs_2d", "moons_ring_2d", "scenes_2d", "gauss_5d"})
    void agreesWithRsDbscanPackage(String name) throws IOException {
        Golden golden = read(name);
        HdbscanParams params = new HdbscanParams(golden.minPts, golden.minPts - 1, 0, false);

        Clustering ours = Clusterer.hdbscan(golden.points, params);

        int[] theirs = golden.labels.clone();
        for (int i = 0; i < theirs.length; i++) {
            theirs[i] = theirs[i] == 0 ? Clustering.NOISE : theirs[i];
        }
        assertThat(Clusterer.adjustedRandIndex(ours.labels(), theirs)).as(name).isGreaterThanOrEqualTo(0.99);
        assertThat(ours.clusterCount()).as(name + " clusters").isEqualTo((int) java.util.Arrays.stream(theirs)
                .filter(l -> l != Clustering.NOISE)
                .distinct()
                .count());
    }

    private static Golden read(String name) throws IOException {
        String resource = "golden/" + name + ".csv";
        try (InputStream in = Objects.requireNonNull(HdbscanGoldenTest.class.getResourceAsStream(resource), resource);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Matcher header = HEADER.matcher(reader.readLine());
            assertThat(header.matches()).as("header of " + resource).isTrue();
            reader.readLine(); // column names
            List<double[]> points = new ArrayList<>();
            List<Integer> labels = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] cells = line.split(",", -1);
                double[] point = new double[cells.length - 1];
                for (int d = 0; d < point.length; d++) {
                    point[d] = Double.parseDouble(cells[d]);
                }
                points.add(point);
                labels.add(Integer.parseInt(cells[cells.length - 1]));
            }
            return new Golden(
                    Integer.parseInt(header.group(1)),
                    points.toArray(double[][]::new),
                    labels.stream().mapToInt(Integer::intValue).toArray());
        }
    }
}
