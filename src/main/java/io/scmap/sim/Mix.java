package io.scmap.sim;

import java.nio.charset.StandardCharsets;

/**
 * Stateless hashing for values derived on the fly (fault schedule, cosmetic fields) so that they need no
 * stored state and no shared random generator. Uses the SplitMix64 finaliser (Steele, Lea and Flood,
 * "Fast splittable pseudorandom number generators", OOPSLA 2014), the same mixer as
 * {@link java.util.SplittableRandom}.
 */
final class Mix {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Mix() {}

    /** The SplitMix64 finaliser: a bijection on longs with good avalanche. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Hash of a sequence of longs. */
    static long hash(long... parts) {
        long h = 0x2545F4914F6CDD1DL;
        for (long part : parts) {
            h = mix(h + GOLDEN + part);
        }
        return h;
    }

    /** Hash of a string (UTF-8 bytes) combined with a seed. */
    static long hash(long seed, String text) {
        long h = mix(seed + GOLDEN);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ (b & 0xFF)) + GOLDEN;
        }
        return h;
    }

    /** A double uniformly in [0, 1) from a hash. */
    static double unit(long hash) {
        return (hash >>> 11) * 0x1.0p-53;
    }

    /** An int uniformly in [0, bound) from a hash; bound must be positive. */
    static int below(long hash, int bound) {
        return (int) Math.floorMod(hash, (long) bound);
    }
}
