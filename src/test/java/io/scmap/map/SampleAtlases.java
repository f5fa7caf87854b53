package io.scmap.map;

import io.scmap.cluster.Generation;
import io.scmap.source.InteractionType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Small atlases for tests, with the display names an attacker or a wide world would choose. */
final class SampleAtlases {
    static final String IMG = "<img src=x onerror=alert(1)>";

    /** Names that break naive CSV, XML, HTML or JSON handling, or plain assumptions about text. */
    static final List<String> HOSTILE_NAMES = List.of(
            IMG,
            "</script><script>alert(1)</script>",
            "He said \"hi\", then left",
            "comma, separated, name",
            "two\nlines",
            "crlf\r\nline",
            "DJ 🎧🔥 Ünïcødé",
            "مرحبا بالعالم",
            "\u202Egnp.exe",
            "line\u2028separator\u2029paragraph",
            " spaced out ",
            "https://evil.example/x & more",
            "<!-- comment -->",
            "");

    private SampleAtlases() {}

    /** One point per hostile name in two scenes and noise, with ties and neighbours among them. */
    static Atlas hostile() {
        List<MapPoint> points = new ArrayList<>();
        for (int i = 0; i < HOSTILE_NAMES.size(); i++) {
            LocalDate emerge = i % 5 == 4 ? null : LocalDate.of(2010 + i, 1 + i % 12, 1 + i);
            int cluster = i % 3 == 2 ? MapPoint.NOISE : i % 3;
            points.add(new MapPoint(
                    i % 4 == 3 ? -1 : 1000L + i,
                    "artist-" + i,
                    HOSTILE_NAMES.get(i),
                    i % 6 == 5 ? -1 : (long) Math.pow(10, i % 7),
                    emerge,
                    Generation.of(emerge),
                    i * 0.1 + 1.0 / 3,
                    -i * 0.7 + Math.PI,
                    cluster,
                    cluster == MapPoint.NOISE ? "" : cluster == 0 ? "scene <zero> & co" : IMG));
        }
        List<MapEdge> edges = List.of(
                new MapEdge("artist-0", "artist-1", 7.0, Map.of(InteractionType.LIKE, 1, InteractionType.FOLLOW, 2)),
                new MapEdge("artist-1", "artist-0", 3.0, Map.of(InteractionType.COMMENT, 1)),
                new MapEdge("artist-2", "artist-3", 12.5, Map.of(InteractionType.REPOST, 4)),
                new MapEdge("artist-4", "not-a-point", 9.0, Map.of(InteractionType.FOLLOW, 3)));
        Map<String, List<String>> neighbors = new LinkedHashMap<>();
        for (int i = 0; i < points.size(); i++) {
            List<String> near = new ArrayList<>();
            for (int k = 1; k <= 3; k++) {
                near.add("artist-" + (i + k) % points.size());
            }
            neighbors.put("artist-" + i, near);
        }
        return new Atlas("Hostile <b>names</b> & co", points, edges, neighbors, Map.of(0, "scene <zero> & co", 1, IMG));
    }

    /** {@code n} random points in {@code scenes} Gaussian blobs plus uniform noise; same seed, same atlas. */
    static Atlas random(int n, int scenes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] centres = new double[scenes][];
        Map<Integer, String> labels = new LinkedHashMap<>();
        for (int c = 0; c < scenes; c++) {
            centres[c] = new double[] {random.nextDouble(-20, 20), random.nextDouble(-20, 20)};
            labels.put(c, "scene " + c + " / artist " + c * 7);
        }
        List<MapPoint> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            boolean noise = random.nextDouble() < 0.1;
            int c = noise ? MapPoint.NOISE : random.nextInt(scenes);
            double spread = 1.5 + (c % 3);
            double x = noise ? random.nextDouble(-25, 25) : centres[c][0] + gaussian(random) * spread;
            double y = noise ? random.nextDouble(-25, 25) : centres[c][1] + gaussian(random) * spread;
            LocalDate emerge = LocalDate.of(2008, 1, 1).plusDays(random.nextInt(16 * 365));
            long followers = (long) Math.pow(10, random.nextDouble(0, 6.5));
            points.add(new MapPoint(
                    i,
                    "artist-" + i,
                    "Artist " + i,
                    followers,
                    emerge,
                    Generation.of(emerge),
                    x,
                    y,
                    c,
                    noise ? "" : labels.get(c)));
        }
        Map<String, List<String>> neighbors = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            List<String> near = new ArrayList<>();
            for (int k = 0; k < 5; k++) {
                near.add("artist-" + random.nextInt(n));
            }
            neighbors.put("artist-" + i, near);
        }
        return new Atlas("Random atlas", points, List.of(), neighbors, labels);
    }

    private static double gaussian(SplittableRandom random) {
        double u = random.nextDouble(1e-12, 1);
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
