package io.scmap.map;

import io.scmap.cluster.Generation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Benchmark of {@code map.html}, kept apart from the tests: for synthetic atlases of 10,000, 100,000 and
 * 1,000,000 artists it writes the page and opens it in headless Chromium (software WebGL, SwiftShader) at
 * 1366 × 768, and reports the file size, the time to write it, the time from navigation to the first
 * frame drawn with every point, the time to unpack the data, the time to draw one frame, and the time of
 * a first search (which builds the search keys). Figures
 * from a software renderer are far slower than on any GPU; they bound what a machine without one sees.
 *
 * <p>Run after {@code ./mvnw test-compile}: {@code java -cp target/test-classes:target/classes:<test
 * classpath> io.scmap.map.MapPageBenchmark [sizes...]}. The atlases are deterministic (seed 42): blobs
 * for scenes, heavy-tailed followers, and each artist's ten nearest artists on the map as neighbours, as
 * a k-nearest-neighbour graph of the embedding gives.
 */
final class MapPageBenchmark {
    private MapPageBenchmark() {}

    public static void main(String[] args) throws IOException {
        int[] sizes = args.length == 0
                ? new int[] {10_000, 100_000, 1_000_000}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        if (!Browser.available()) {
            System.err.println(Browser.MISSING);
            return;
        }
        Path dir = Files.createTempDirectory("scmap-bench-");
        System.out.printf(
                Locale.ROOT,
                "load average before: %s%n%10s %10s %10s %12s %10s %10s %10s%n",
                Files.readString(Path.of("/proc/loadavg")).trim(),
                "points",
                "file MB",
                "write ms",
                "1st frame ms",
                "unpack ms",
                "frame ms",
                "search ms");
        try (Browser browser = Browser.start(1366, 768)) {
            for (int n : sizes) {
                Path file = dir.resolve("map-" + n + ".html");
                Atlas atlas = synthetic(n, 42);
                long t0 = System.nanoTime();
                Maps.writeHtml(atlas, file);
                long writeMs = (System.nanoTime() - t0) / 1_000_000;
                String error = browser.open(file, Duration.ofMinutes(15));
                if (error != null) {
                    System.out.println(n + ": page failed: " + error);
                    continue;
                }
                Object first = browser.js("return Number(document.documentElement.dataset.firstRenderMs)");
                Object unpack = browser.js("return Number(document.documentElement.dataset.unpackMs)");
                double[] frames = new double[3];
                for (int k = 0; k < frames.length; k++) {
                    frames[k] = ((Number) Objects.requireNonNull(browser.js("return scmap.frameMs()"))).doubleValue();
                }
                Arrays.sort(frames);
                Object search = browser.js("return Math.round(scmap.searchMs('artist-' + arguments[0]))", n / 2);
                System.out.printf(
                        Locale.ROOT,
                        "%10d %10.1f %10d %12s %10s %10.0f %10s%n",
                        n,
                        Files.size(file) / 1e6,
                        writeMs,
                        first,
                        unpack,
                        frames[1],
                        search);
                List<String> errors = browser.consoleErrors();
                if (!errors.isEmpty()) {
                    System.out.println("console errors: " + errors);
                }
                Files.delete(file);
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
        System.out.println("load average after: "
                + Files.readString(Path.of("/proc/loadavg")).trim());
    }

    /** {@code n} artists in Gaussian blobs (one scene per ~25,000 artists, at least 12) plus 8% noise. */
    static Atlas synthetic(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int scenes = Math.max(12, n / 25_000);
        double[][] centres = new double[scenes][];
        Map<Integer, String> labels = new LinkedHashMap<>();
        for (int c = 0; c < scenes; c++) {
            centres[c] = new double[] {random.nextDouble(-20, 20), random.nextDouble(-20, 20)};
            labels.put(c, "scene " + c);
        }
        double[] x = new double[n];
        double[] y = new double[n];
        List<MapPoint> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            boolean noise = random.nextDouble() < 0.08;
            int c = noise ? MapPoint.NOISE : random.nextInt(scenes);
            double spread = 0.8 + (c % 4) * 0.5;
            x[i] = noise ? random.nextDouble(-25, 25) : centres[c][0] + gaussian(random) * spread;
            y[i] = noise ? random.nextDouble(-25, 25) : centres[c][1] + gaussian(random) * spread;
            LocalDate emerge = LocalDate.of(2008, 1, 1).plusDays(random.nextInt(16 * 365));
            points.add(new MapPoint(
                    i,
                    "artist-" + i,
                    "Artist " + i,
                    (long) Math.pow(10, random.nextDouble(0, 6.5)),
                    emerge,
                    Generation.of(emerge),
                    x[i],
                    y[i],
                    c,
                    noise ? "" : labels.get(c)));
        }
        Map<String, List<String>> neighbors = new LinkedHashMap<>();
        int[][] near = nearest(x, y, 10);
        for (int i = 0; i < n; i++) {
            neighbors.put(
                    "artist-" + i,
                    Arrays.stream(near[i]).mapToObj(j -> "artist-" + j).toList());
        }
        return new Atlas("Synthetic atlas of " + n + " artists", points, List.of(), neighbors, labels);
    }

    /** Each point's {@code k} nearest other points, nearest first, from a grid of about two points per cell. */
    private static int[][] nearest(double[] x, double[] y, int k) {
        int n = x.length;
        double x0 = Arrays.stream(x).min().orElse(0);
        double y0 = Arrays.stream(y).min().orElse(0);
        double span = Math.max(
                Arrays.stream(x).max().orElse(1) - x0, Arrays.stream(y).max().orElse(1) - y0);
        int g = Math.max(1, (int) Math.sqrt(n / 2.0));
        double cell = span / g + 1e-12;
        List<List<Integer>> cells = new ArrayList<>(g * g);
        for (int c = 0; c < g * g; c++) {
            cells.add(new ArrayList<>());
        }
        IntStream.range(0, n)
                .forEach(i -> cells.get(cellOf(x[i], x0, cell, g) + g * cellOf(y[i], y0, cell, g))
                        .add(i));
        int[][] near = new int[n][];
        IntStream.range(0, n).parallel().forEach(i -> {
            int cx = cellOf(x[i], x0, cell, g);
            int cy = cellOf(y[i], y0, cell, g);
            List<Integer> found = new ArrayList<>();
            // Once a ring of cells holds k others, one more ring catches closer points in its corners.
            int stop = g;
            for (int r = 1; r <= stop; r++) {
                found.clear();
                for (int a = Math.max(0, cx - r); a <= Math.min(g - 1, cx + r); a++) {
                    for (int b = Math.max(0, cy - r); b <= Math.min(g - 1, cy + r); b++) {
                        found.addAll(cells.get(a + g * b));
                    }
                }
                if (found.size() > k && stop == g) {
                    stop = r + 1;
                }
            }
            near[i] = found.stream()
                    .filter(j -> j != i)
                    .sorted((a, b) -> Double.compare(dist(x, y, i, a), dist(x, y, i, b)))
                    .limit(k)
                    .mapToInt(Integer::intValue)
                    .toArray();
        });
        return near;
    }

    private static int cellOf(double v, double origin, double cell, int g) {
        return Math.min(g - 1, (int) ((v - origin) / cell));
    }

    private static double dist(double[] x, double[] y, int i, int j) {
        return (x[i] - x[j]) * (x[i] - x[j]) + (y[i] - y[j]) * (y[i] - y[j]);
    }

    private static double gaussian(SplittableRandom random) {
        double u = random.nextDouble(1e-12, 1);
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
