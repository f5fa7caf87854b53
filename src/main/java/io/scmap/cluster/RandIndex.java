package io.scmap.cluster;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The adjusted Rand index of Hubert and Arabie (1985), computed as scikit-learn's {@code
 * adjusted_rand_score} does: from the pair confusion matrix (ordered pairs of points together in both,
 * in one only, in neither), ARI = 2 (tp·tn − fn·fp) / ((tp + fn)(fn + tn) + (tp + fp)(fp + tn)), and 1.0
 * when there are no disagreeing pairs at all (empty input, one point, identical partitions). The products
 * are exact (BigInteger) and rounded once, as Python's unbounded integers are, so results agree with
 * scikit-learn ≥ 0.24 to the last bit. O(n log n) for the contingency table.
 */
final class RandIndex {
    private RandIndex() {}

    static double adjusted(int[] a, int[] b) {
        checkLengths(a.length, b.length);
        Map<Integer, Integer> idsA = new HashMap<>();
        Map<Integer, Integer> idsB = new HashMap<>();
        int[] denseA = new int[a.length];
        int[] denseB = new int[b.length];
        for (int i = 0; i < a.length; i++) {
            denseA[i] = idsA.computeIfAbsent(a[i], k -> idsA.size());
            denseB[i] = idsB.computeIfAbsent(b[i], k -> idsB.size());
        }
        return fromDense(denseA, denseB, idsB.size());
    }

    static double adjusted(List<String> a, List<String> b) {
        checkLengths(a.size(), b.size());
        Map<String, Integer> idsA = new HashMap<>();
        Map<String, Integer> idsB = new HashMap<>();
        int[] denseA = new int[a.size()];
        int[] denseB = new int[b.size()];
        for (int i = 0; i < denseA.length; i++) {
            denseA[i] = idsA.computeIfAbsent(a.get(i), k -> idsA.size());
            denseB[i] = idsB.computeIfAbsent(b.get(i), k -> idsB.size());
        }
        return fromDense(denseA, denseB, idsB.size());
    }

    private static void checkLengths(int a, int b) {
        if (a != b) {
            throw new IllegalArgumentException("labelings must have equal length, got " + a + " and " + b);
        }
    }

    private static double fromDense(int[] a, int[] b, int kindsB) {
        long n = a.length;
        long[] cells = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            cells[i] = (long) a[i] * kindsB + b[i];
        }
        Arrays.sort(cells);
        long[] rowSum = new long[a.length + 1];
        long[] columnSum = new long[kindsB + 1];
        for (int i = 0; i < a.length; i++) {
            rowSum[a[i]]++;
            columnSum[b[i]]++;
        }
        long sumSquares = 0;
        long byRow = 0;
        long byColumn = 0;
        for (int i = 0; i < cells.length; ) {
            int j = i;
            while (j < cells.length && cells[j] == cells[i]) {
                j++;
            }
            long count = (long) j - i;
            int row = (int) (cells[i] / kindsB);
            int column = (int) (cells[i] % kindsB);
            sumSquares += count * count;
            byRow += count * rowSum[row];
            byColumn += count * columnSum[column];
            i = j;
        }
        long tp = sumSquares - n;
        long fp = byColumn - sumSquares;
        long fn = byRow - sumSquares;
        long tn = n * n - fp - fn - sumSquares;
        if (fn == 0 && fp == 0) {
            return 1.0;
        }
        BigInteger numerator = big(tp).multiply(big(tn)).subtract(big(fn).multiply(big(fp)));
        BigInteger denominator =
                big(tp + fn).multiply(big(fn + tn)).add(big(tp + fp).multiply(big(fp + tn)));
        return 2.0 * numerator.doubleValue() / denominator.doubleValue();
    }

    private static BigInteger big(long v) {
        return BigInteger.valueOf(v);
    }
}
