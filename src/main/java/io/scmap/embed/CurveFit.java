package io.scmap.embed;

/**
 * Fits UMAP's low-dimensional similarity curve {@code 1 / (1 + a x^(2b))} to the target curve that is
 * 1 below {@code minDist} and {@code exp(-(x - minDist) / spread)} beyond, by least squares on 300
 * points of {@code [0, 3 spread]} from {@code a = b = 1}, as umap-learn's {@code find_ab_params}
 * (which calls scipy's {@code curve_fit}). The minimiser is Levenberg–Marquardt (Marquardt 1963) with
 * diagonal scaling. O(300) per iteration, a few dozen iterations; deterministic.
 */
final class CurveFit {
    private static final int POINTS = 300;
    private static final int MAX_ITERATIONS = 1000;

    private CurveFit() {}

    /** Returns {@code {a, b}}. */
    static double[] fitAb(double minDist, double spread) {
        double[] x = new double[POINTS];
        double[] y = new double[POINTS];
        target(minDist, spread, x, y);
        double a = 1;
        double b = 1;
        double lambda = 1e-3;
        double cost = cost(x, y, a, b);
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double[] normal = normalEquations(x, y, a, b);
            double[] step2 = solveDamped(normal, lambda);
            double na = a + step2[0];
            double nb = b + step2[1];
            double newCost = na > 0 && nb > 0 ? cost(x, y, na, nb) : Double.POSITIVE_INFINITY;
            if (newCost < cost) {
                boolean converged = cost - newCost <= 1e-15 * cost
                        && Math.abs(step2[0]) <= 1e-10 * Math.abs(na)
                        && Math.abs(step2[1]) <= 1e-10 * Math.abs(nb);
                a = na;
                b = nb;
                cost = newCost;
                lambda = Math.max(lambda / 10, 1e-15);
                if (converged) {
                    break;
                }
            } else {
                lambda *= 10;
                if (lambda > 1e15) {
                    break;
                }
            }
        }
        return new double[] {a, b};
    }

    /** The target curve on numpy's {@code linspace(0, 3 spread, 300)}. */
    private static void target(double minDist, double spread, double[] x, double[] y) {
        double step = 3 * spread / (POINTS - 1);
        for (int i = 0; i < POINTS; i++) {
            x[i] = i == POINTS - 1 ? 3 * spread : i * step;
            y[i] = x[i] < minDist ? 1.0 : Math.exp(-(x[i] - minDist) / spread);
        }
    }

    private static double curve(double x, double a, double b) {
        return 1.0 / (1.0 + a * Math.pow(x, 2 * b));
    }

    private static double cost(double[] x, double[] y, double a, double b) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double r = curve(x[i], a, b) - y[i];
            s += r * r;
        }
        return s;
    }

    /** {@code {JtJ_aa, JtJ_ab, JtJ_bb, Jtr_a, Jtr_b}} at {@code (a, b)}. */
    private static double[] normalEquations(double[] x, double[] y, double a, double b) {
        double aa = 0;
        double ab = 0;
        double bb = 0;
        double ra = 0;
        double rb = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] <= 0) {
                continue; // the curve is 1 at x = 0 whatever a and b: no gradient
            }
            double u = Math.pow(x[i], 2 * b);
            double f = 1.0 / (1.0 + a * u);
            double r = f - y[i];
            double ja = -u * f * f;
            double jb = -a * u * f * f * 2 * Math.log(x[i]);
            aa += ja * ja;
            ab += ja * jb;
            bb += jb * jb;
            ra += ja * r;
            rb += jb * r;
        }
        return new double[] {aa, ab, bb, ra, rb};
    }

    /** Solves {@code (JtJ + lambda diag(JtJ)) delta = -Jtr}. */
    private static double[] solveDamped(double[] ne, double lambda) {
        double m00 = ne[0] * (1 + lambda);
        double m11 = ne[2] * (1 + lambda);
        double m01 = ne[1];
        double det = m00 * m11 - m01 * m01;
        if (det == 0) {
            return new double[] {0, 0};
        }
        return new double[] {(-ne[3] * m11 + ne[4] * m01) / det, (-ne[4] * m00 + ne[3] * m01) / det};
    }
}
