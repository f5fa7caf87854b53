package io.scmap.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names each cluster after its most central, most interacted-with members.
 *
 * <p>Rule, per cluster of m members:
 *
 * <ol>
 *   <li>the centre is the coordinate-wise median of the members (robust to the curved, elongated shapes
 *       UMAP draws, unlike the mean);
 *   <li>each member gets a closeness score 1 − r/m, r its rank by distance to the centre (nearest first),
 *       and a weight score 1 − r/m, r its rank by {@code weight} (largest first); ranks break ties by point
 *       index;
 *   <li>members are ordered by the sum of both scores, then by weight, then by index;
 *   <li>the first {@code top} distinct display names in that order (names tidied: runs of whitespace and
 *       control characters become one space, trimmed, cut to {@value #MAX_NAME} characters with "…"; blank names skipped; duplicates
 *       compared ignoring case) are joined with " · ". A cluster with no usable name is called "cluster
 *       N".
 * </ol>
 *
 * Names are not escaped: labels are plain text and the renderer escapes them. Noise gets no label.
 * O(n log n); deterministic.
 */
final class SceneLabeller {
    static final int MAX_NAME = 24;
    static final String SEPARATOR = " · ";
    private static final Pattern WHITESPACE = Pattern.compile("[\\p{javaWhitespace}\\p{Cc}\\p{Z}]+");

    private SceneLabeller() {}

    static Map<Integer, String> label(
            Clustering clustering, double[] x, double[] y, List<String> names, double[] weight, int top) {
        Map<Integer, String> labels = new LinkedHashMap<>();
        for (int c = 0; c < clustering.clusterCount(); c++) {
            int[] members = clustering.members(c);
            List<Integer> order = rank(members, x, y, weight);
            labels.put(c, join(order, names, top, c));
        }
        return Collections.unmodifiableMap(labels);
    }

    private static List<Integer> rank(int[] members, double[] x, double[] y, double[] weight) {
        int m = members.length;
        double cx = median(members, x);
        double cy = median(members, y);
        double[] distance = new double[m];
        for (int k = 0; k < m; k++) {
            double dx = x[members[k]] - cx;
            double dy = y[members[k]] - cy;
            distance[k] = dx * dx + dy * dy;
        }
        double[] closeness = rankScores(m, (a, b) -> compare(distance[a], distance[b], members[a], members[b]));
        double[] heaviness =
                rankScores(m, (a, b) -> compare(weight[members[b]], weight[members[a]], members[a], members[b]));
        List<Integer> order = new ArrayList<>(m);
        for (int k = 0; k < m; k++) {
            order.add(k);
        }
        order.sort((a, b) -> {
            int byScore = Double.compare(closeness[b] + heaviness[b], closeness[a] + heaviness[a]);
            return byScore != 0 ? byScore : compare(weight[members[b]], weight[members[a]], members[a], members[b]);
        });
        order.replaceAll(k -> members[k]);
        return order;
    }

    /** Score 1 − rank/m for each of m local positions under {@code comparator} (rank 0 = first). */
    private static double[] rankScores(int m, java.util.Comparator<Integer> comparator) {
        Integer[] order = new Integer[m];
        for (int k = 0; k < m; k++) {
            order[k] = k;
        }
        Arrays.sort(order, comparator);
        double[] score = new double[m];
        for (int r = 0; r < m; r++) {
            score[order[r]] = 1.0 - (double) r / m;
        }
        return score;
    }

    private static int compare(double value1, double value2, int index1, int index2) {
        int byValue = Double.compare(value1, value2);
        return byValue != 0 ? byValue : Integer.compare(index1, index2);
    }

    private static double median(int[] members, double[] values) {
        double[] v = new double[members.length];
        for (int k = 0; k < members.length; k++) {
            v[k] = values[members[k]];
        }
        Arrays.sort(v);
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
    }

    private static String join(List<Integer> order, List<String> names, int top, int cluster) {
        List<String> chosen = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i : order) {
            if (chosen.size() == top) {
                break;
            }
            String name = tidy(names.get(i));
            if (!name.isEmpty() && seen.add(name.toLowerCase(Locale.ROOT))) {
                chosen.add(name);
            }
        }
        return chosen.isEmpty() ? "cluster " + cluster : String.join(SEPARATOR, chosen);
    }

    /** Collapses whitespace and control characters, trims, and cuts to {@value #MAX_NAME} code points. */
    static String tidy(String name) {
        String s = WHITESPACE.matcher(name).replaceAll(" ").strip();
        if (s.codePointCount(0, s.length()) <= MAX_NAME) {
            return s;
        }
        int end = s.offsetByCodePoints(0, MAX_NAME - 1);
        return s.substring(0, end).stripTrailing() + "…";
    }
}
