package io.scmap.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FixedPowerTest {
    @Test
    void agreesWithStrictMathAcrossTheNormalRange() {
        SplittableRandom random = new SplittableRandom(5);
        for (double b : new double[] {0.79, 0.5, 1.0, 1.93, -0.3, 3.7}) {
            FixedPower power = new FixedPower(b);
            double worst = 0;
            for (int s = 0; s < 200_000; s++) {
                double x = Math.exp(random.nextDouble(-700, 700) / Math.max(1, Math.abs(b)));
                double exact = StrictMath.pow(x, b);
                worst = Math.max(worst, Math.abs(power.of(x) / exact - 1));
            }
            assertThat(worst).as("largest relative error for b = %s", b).isLessThan(1e-12);
        }
    }

    @Test
    void leavesTheNormalRangeToStrictMath() {
        FixedPower power = new FixedPower(2.0);
        for (double x : new double[] {Double.MIN_VALUE, 1e-310, 1e-200, 1e200, Double.MAX_VALUE, 0.0}) {
            assertThat(power.of(x)).as("x = %s", x).isEqualTo(StrictMath.pow(x, 2.0));
        }
        assertThat(new FixedPower(100).of(3.0)).isEqualTo(StrictMath.pow(3.0, 100));
        assertThat(power.of(Double.POSITIVE_INFINITY)).isInfinite();
    }

    @Test
    void simplePowersComeOutWithinRounding() {
        FixedPower half = new FixedPower(0.5);
        assertThat(half.of(4.0)).isCloseTo(2.0, org.assertj.core.api.Assertions.within(1e-13));
        assertThat(half.of(1.0)).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-13));
    }
}
