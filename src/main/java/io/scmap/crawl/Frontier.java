package io.scmap.crawl;

import io.scmap.crawl.CrawlLedger.AccountState;
import io.scmap.source.InteractionType;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Every account a crawl knows, in first-seen order, and the open ones in an indexed binary max-heap
 * keyed by expansion score, so the next account to crawl is found in O(log n) instead of a rescan.
 *
 * <p>An account's score is its {@link ExpansionScore} of {@link InteractionWeights#score} of the
 * counts of recorded interactions that target it and of its follower count as the ledger holds it
 * (as first seen, for an open account); counts (not running sums) are kept so that a score rebuilt
 * from the ledger is bit-identical to one accumulated live. Ties go to the account seen first, which makes the crawl
 * order deterministic. Memory is O(n) in primitive arrays (plus one permalink string per account).
 */
final class Frontier {
    private static final int TYPES = InteractionType.values().length;

    private final double[] weights;
    private final ExpansionScore rule;
    private final LongIntMap ordinals = new LongIntMap(1024);
    private long[] ids = new long[1024];
    private String[] permalinks = new String[1024];
    private long[] followers = new long[1024];
    private AccountState[] states = new AccountState[1024];
    private int[] counts = new int[1024 * TYPES];
    private double[] scores = new double[1024];
    /** Heap slot of each account, -1 when not in the heap. */
    private int[] position = new int[1024];

    private int[] heap = new int[1024];
    private int heapSize;
    private int accounts;
    private int done;
    private int skipped;

    /** A frontier ranking candidates by {@code rule} over interactions weighted by {@code weights}. */
    Frontier(InteractionWeights weights, ExpansionScore rule) {
        this.weights = weights.toArray();
        this.rule = rule;
    }

    /** Adds an account as the ledger replays it: followers, state and incoming counts as recorded. */
    void replay(long id, String permalink, long followerCount, AccountState state, int[] countsByType) {
        int ordinal = register(id, permalink, followerCount);
        System.arraycopy(countsByType, 0, counts, ordinal * TYPES, TYPES);
        scores[ordinal] = score(ordinal);
        setState(ordinal, state);
    }

    /**
     * Notes a committed interaction: its target becomes known (as open, with the follower count it
     * is first seen with) if new, and gains score if open.
     */
    void addInteraction(long targetId, String targetPermalink, long targetFollowers, InteractionType type) {
        int ordinal = ordinals.get(targetId);
        if (ordinal < 0) {
            ordinal = register(targetId, targetPermalink, targetFollowers);
            setState(ordinal, AccountState.OPEN);
        }
        counts[ordinal * TYPES + TypeIndex.of(type)]++;
        if (position[ordinal] >= 0) {
            scores[ordinal] = score(ordinal);
            siftUp(position[ordinal]);
        }
    }

    /** Marks an account done or skipped (registering it if new) and takes it out of the heap. */
    void finish(long id, String permalink, AccountState state) {
        if (state == AccountState.OPEN) {
            throw new IllegalArgumentException("state must be DONE or SKIPPED, got OPEN");
        }
        int ordinal = ordinals.get(id);
        if (ordinal < 0) {
            ordinal = register(id, permalink, -1);
        }
        setState(ordinal, state);
    }

    /** The account's state, or null when it is unknown. */
    @Nullable
    AccountState state(long id) {
        int ordinal = ordinals.get(id);
        return ordinal < 0 ? null : states[ordinal];
    }

    /** Removes and returns the ordinal of the best open account, or -1 when none is open. O(log n). */
    int pollBest() {
        if (heapSize == 0) {
            return -1;
        }
        int best = heap[0];
        removeAt(0);
        return best;
    }

    long id(int ordinal) {
        return ids[ordinal];
    }

    String permalink(int ordinal) {
        return permalinks[ordinal];
    }

    /** Open accounts. */
    int size() {
        return heapSize;
    }

    int done() {
        return done;
    }

    int skipped() {
        return skipped;
    }

    private int register(long id, String permalink, long followerCount) {
        if (ordinals.get(id) >= 0) {
            throw new IllegalStateException("account " + id + " is already known");
        }
        if (accounts == ids.length) {
            grow();
        }
        int ordinal = accounts++;
        ordinals.put(id, ordinal);
        ids[ordinal] = id;
        permalinks[ordinal] = permalink;
        followers[ordinal] = followerCount;
        states[ordinal] = AccountState.OPEN;
        position[ordinal] = -1;
        return ordinal;
    }

    private void setState(int ordinal, AccountState state) {
        AccountState old = states[ordinal];
        if (old == AccountState.DONE) {
            done--;
        } else if (old == AccountState.SKIPPED) {
            skipped--;
        } else if (position[ordinal] >= 0) {
            removeAt(position[ordinal]);
        }
        states[ordinal] = state;
        switch (state) {
            case DONE -> done++;
            case SKIPPED -> skipped++;
            case OPEN -> insert(ordinal);
        }
    }

    /** The rule applied to the same sum, in the same order, as {@link InteractionWeights#score}. */
    private double score(int ordinal) {
        double weighted = 0;
        for (int type = 0; type < TYPES; type++) {
            weighted += weights[type] * counts[ordinal * TYPES + type];
        }
        return rule.of(weighted, followers[ordinal]);
    }

    private void grow() {
        int capacity = ids.length * 2;
        ids = Arrays.copyOf(ids, capacity);
        permalinks = Arrays.copyOf(permalinks, capacity);
        followers = Arrays.copyOf(followers, capacity);
        states = Arrays.copyOf(states, capacity);
        counts = Arrays.copyOf(counts, capacity * TYPES);
        scores = Arrays.copyOf(scores, capacity);
        position = Arrays.copyOf(position, capacity);
        heap = Arrays.copyOf(heap, capacity);
    }

    /** Whether account {@code a} is crawled before {@code b}: higher score, then seen earlier. */
    private boolean before(int a, int b) {
        return scores[a] > scores[b] || (scores[a] == scores[b] && a < b);
    }

    private void insert(int ordinal) {
        heap[heapSize] = ordinal;
        position[ordinal] = heapSize;
        heapSize++;
        siftUp(heapSize - 1);
    }

    private void removeAt(int slot) {
        int removed = heap[slot];
        position[removed] = -1;
        heapSize--;
        if (slot == heapSize) {
            return;
        }
        place(heap[heapSize], slot);
        siftDown(slot);
        siftUp(position[heap[slot]]);
    }

    private void siftUp(int slot) {
        int ordinal = heap[slot];
        while (slot > 0) {
            int parent = (slot - 1) / 2;
            if (!before(ordinal, heap[parent])) {
                break;
            }
            place(heap[parent], slot);
            slot = parent;
        }
        place(ordinal, slot);
    }

    private void siftDown(int slot) {
        int ordinal = heap[slot];
        while (true) {
            int child = 2 * slot + 1;
            if (child >= heapSize) {
                break;
            }
            if (child + 1 < heapSize && before(heap[child + 1], heap[child])) {
                child++;
            }
            if (!before(heap[child], ordinal)) {
                break;
            }
            place(heap[child], slot);
            slot = child;
        }
        place(ordinal, slot);
    }

    private void place(int ordinal, int slot) {
        heap[slot] = ordinal;
        position[ordinal] = slot;
    }
}
