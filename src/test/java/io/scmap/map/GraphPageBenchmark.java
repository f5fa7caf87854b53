package io.scmap.map;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Benchmark of {@code graph.html}, kept apart from the tests: for synthetic atlases of 1,000 artists with
 * 10,000 ties and 10,000 artists with 100,000 ties (or the sizes given as {@code artists:ties}
 * arguments) it writes the page and opens it in headless Chromium (software WebGL, SwiftShader) at 1366
 * × 768, and reports the file size, the time to write it, the time to unpack the data and build the
 * graph, the time from navigation to the first frame, one full frame (every tie drawn, finished by the
 * GPU), the median frame spacing while the camera pans and zooms (ties hidden, as the page does, and
 * drawn, for contrast), the time from hovering an artist to its lit neighbourhood drawn, and a first
 * search. Figures from a software renderer are far slower than on any GPU; they bound what a machine
 * without one sees.
 *
 * <p>Run after {@code ./mvnw test-compile}: {@code java -cp target/test-classes:target/classes:<test
 * classpath> io.scmap.map.GraphPageBenchmark [artists:ties ...]}. The atlases are deterministic (seed 42):
 * the map benchmark's blobs ({@link MapPageBenchmark#synthetic}) with ties four in five within a scene
 * ({@link GraphAtlases#withTies}).
 */
final class GraphPageBenchmark {
    private GraphPageBenchmark() {}

    public static void main(String[] args) throws IOException {
        List<int[]> sizes = args.length == 0
                ? List.of(new int[] {1_000, 10_000}, new int[] {10_000, 100_000})
                : Arrays.stream(args)
                        .map(a -> Arrays.stream(a.split(":"))
                                .mapToInt(Integer::parseInt)
                                .toArray())
                        .toList();
        if (!Browser.available()) {
            System.err.println(Browser.MISSING);
            return;
        }
        Path dir = Files.createTempDirectory("scmap-graph-bench-");
        System.out.printf(
                Locale.ROOT,
                "load average before: %s%n%8s %8s %8s %8s %9s %11s %9s %11s %11s %9s %9s%n",
                Files.readString(Path.of("/proc/loadavg")).trim(),
                "artists",
                "ties",
                "file MB",
                "write ms",
                "build ms",
                "1st frame",
                "frame ms",
                "move ms",
                "move+ties",
                "hover ms",
                "search ms");
        try (Browser browser = Browser.start(1366, 768)) {
            for (int[] size : sizes) {
                run(browser, dir, size[0], size[1]);
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

    private static void run(Browser browser, Path dir, int n, int ties) throws IOException {
        Path file = dir.resolve("graph-" + n + ".html");
        Atlas atlas = GraphAtlases.withTies(MapPageBenchmark.synthetic(n, 42), ties, 42);
        long t0 = System.nanoTime();
        Maps.writeGraphHtml(atlas, file);
        long writeMs = (System.nanoTime() - t0) / 1_000_000;
        String error = browser.open(file, Duration.ofMinutes(10));
        if (error != null) {
            System.out.println(n + ": page failed: " + error);
            return;
        }
        Object build = browser.js("return Number(document.documentElement.dataset.buildMs)");
        Object first = browser.js("return Number(document.documentElement.dataset.firstRenderMs)");
        double frame = median(browser, "return scmapGraph.frameMs()");
        Map<?, ?> move = (Map<?, ?>) Objects.requireNonNull(browser.js("return scmapGraph.moveFrames(3000, false)"));
        Map<?, ?> moveTies = (Map<?, ?>) Objects.requireNonNull(browser.js("return scmapGraph.moveFrames(3000, true)"));
        String star = "artist-" + (n / 3);
        double hover = median(browser, "return scmapGraph.hoverMs(arguments[0])", star);
        Object search = browser.js("return Math.round(scmapGraph.searchMs('artist-' + arguments[0]))", n / 2);
        System.out.printf(
                Locale.ROOT,
                "%8d %8d %8.2f %8d %9s %11s %9.0f %11s %11s %9.0f %9s%n",
                n,
                ties,
                Files.size(file) / 1e6,
                writeMs,
                build,
                first,
                frame,
                Math.round(((Number) move.get("medianMs")).doubleValue()) + " (" + move.get("frames") + ")",
                Math.round(((Number) moveTies.get("medianMs")).doubleValue()) + " (" + moveTies.get("frames") + ")",
                hover,
                search);
        List<String> errors = browser.consoleErrors();
        if (!errors.isEmpty()) {
            System.out.println("console errors: " + errors);
        }
        Files.delete(file);
    }

    /** The median of three runs of a script that returns milliseconds. */
    private static double median(Browser browser, String script, Object... args) {
        double[] runs = new double[3];
        for (int k = 0; k < runs.length; k++) {
            runs[k] = ((Number) Objects.requireNonNull(browser.js(script, args))).doubleValue();
        }
        Arrays.sort(runs);
        return runs[1];
    }
}
