package io.scmap.sim;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides which API requests fail, and how. Each request is identified by its path and query without
 * {@code client_id} (its key) and by how many times that key was requested before (its attempt); the
 * decision is a hash of seed, key and attempt, so a given request sequence always meets the same faults.
 * A key never fails more than {@value #MAX_FAULTS_IN_A_ROW} times in a row, so retrying always succeeds.
 * Per-key state lives in a concurrent map: no global lock.
 */
final class FaultInjector {
    static final int MAX_FAULTS_IN_A_ROW = 3;

    /** What happens to one request. */
    enum Fault {
        NONE(0, false),
        TOO_MANY_REQUESTS_RETRY_0(3, true),
        TOO_MANY_REQUESTS_RETRY_1(1, true),
        TOO_MANY_REQUESTS(3, true),
        INTERNAL_ERROR(2, true),
        BAD_GATEWAY(2, true),
        UNAVAILABLE(2, true),
        SLOW(2, false),
        TRUNCATED(3, true);

        final int weight;
        final boolean fails;

        Fault(int weight, boolean fails) {
            this.weight = weight;
            this.fails = fails;
        }
    }

    private static final Fault[] FAULTS = Fault.values();
    private static final int TOTAL_WEIGHT = totalWeight();

    private final double rate;
    private final long seed;
    /** Per key: attempts so far (high bits), last fault (bits 8-15), faults in a row (bits 0-7). */
    private final ConcurrentHashMap<String, Long> state = new ConcurrentHashMap<>();

    FaultInjector(double rate, long seed) {
        this.rate = rate;
        this.seed = seed;
    }

    private static int totalWeight() {
        int total = 0;
        for (Fault fault : FAULTS) {
            total += fault.weight;
        }
        return total;
    }

    /** The fault for the next request with this key; {@link Fault#NONE} when the rate is 0. */
    Fault next(String key) {
        if (rate <= 0) {
            return Fault.NONE;
        }
        long updated = state.compute(key, (k, old) -> advance(k, old == null ? 0L : old));
        return FAULTS[(int) ((updated >>> 8) & 0xFF)];
    }

    private long advance(String key, long old) {
        long attempt = old >>> 16;
        int inARow = (int) (old & 0xFF);
        long h = Mix.hash(Mix.hash(seed, key), attempt);
        Fault fault = Fault.NONE;
        if (inARow < MAX_FAULTS_IN_A_ROW && Mix.unit(h) < rate) {
            fault = pick(Mix.mix(h));
        }
        int nextInARow = fault.fails ? inARow + 1 : 0;
        return ((attempt + 1) << 16) | ((long) indexOf(fault) << 8) | nextInARow;
    }

    private static int indexOf(Fault fault) {
        return java.util.Arrays.asList(FAULTS).indexOf(fault);
    }

    private static Fault pick(long h) {
        int x = Mix.below(h, TOTAL_WEIGHT);
        for (Fault fault : FAULTS) {
            if (x < fault.weight) {
                return fault;
            }
            x -= fault.weight;
        }
        return Fault.NONE;
    }

    /** How long a {@link Fault#SLOW} response for this key waits: 200 to 500 ms. */
    long slowMillis(String key) {
        return 200L + Mix.below(Mix.hash(seed + 1, key), 301);
    }

    /** The error response of a failing fault (not for NONE, SLOW or TRUNCATED). */
    static Response errorResponse(Fault fault) {
        return switch (fault) {
            case TOO_MANY_REQUESTS_RETRY_0 -> tooMany("0");
            case TOO_MANY_REQUESTS_RETRY_1 -> tooMany("1");
            case TOO_MANY_REQUESTS -> Response.json(429, "{\"error\":\"Rate Limit Exceeded\"}");
            case INTERNAL_ERROR -> Response.error(500, "internal server error");
            case BAD_GATEWAY -> html(502, "502 Bad Gateway");
            case UNAVAILABLE -> html(503, "503 Service Temporarily Unavailable");
            default -> throw new IllegalArgumentException("fault has no error response: " + fault);
        };
    }

    /** The first half of a body: what a client sees when a connection drops mid-response. */
    static Response truncate(Response full) {
        byte[] cut = new byte[Math.max(1, full.body.length / 2)];
        System.arraycopy(full.body, 0, cut, 0, Math.min(cut.length, full.body.length));
        return new Response(full.status, full.contentType, cut, null);
    }

    private static Response tooMany(String retryAfter) {
        Response body = Response.error(429, "Too Many Requests");
        return new Response(429, Response.JSON, body.body, retryAfter);
    }

    private static Response html(int status, String title) {
        String page = "<html><head><title>" + title + "</title></head><body><h1>" + title + "</h1></body></html>";
        return new Response(status, Response.HTML, page.getBytes(StandardCharsets.UTF_8), null);
    }
}
