package io.scmap.sim;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issues the client id the API accepts: 32 letters and digits derived from the seed and the number of
 * rotations so far. Only the current id is accepted; rotating makes the old one answer 401.
 */
final class ClientIdIssuer {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final long seed;
    private final AtomicInteger rotations = new AtomicInteger();
    private volatile String current;

    ClientIdIssuer(long seed) {
        this.seed = seed;
        this.current = idFor(0);
    }

    String current() {
        return current;
    }

    /** Replaces the current id with the next one in the seed's sequence. */
    synchronized void rotate() {
        current = idFor(rotations.incrementAndGet());
    }

    private String idFor(int rotation) {
        char[] id = new char[32];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET.charAt(Mix.below(Mix.hash(seed, 70, rotation, i), ALPHABET.length()));
        }
        return new String(id);
    }
}
