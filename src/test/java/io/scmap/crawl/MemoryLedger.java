package io.scmap.crawl;

import io.scmap.source.Account;
import io.scmap.source.Interaction;
import io.scmap.source.InteractionType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The simplest ledger that keeps the {@link CrawlLedger} contract, in memory, for crawler tests. */
final class MemoryLedger implements CrawlLedger {
    final Map<String, String> seeds = new LinkedHashMap<>();
    final Map<Long, Account> accounts = new LinkedHashMap<>();
    final Map<Long, LocalDate> emergeDates = new LinkedHashMap<>();
    /** Crawl order: account id to "done" or "skipped:reason". */
    final Map<Long, String> states = new LinkedHashMap<>();

    final Map<String, String> interactions = new LinkedHashMap<>();
    final Map<String, long[]> targets = new LinkedHashMap<>();
    long requests;
    int failCommitsLeft;

    @Nullable
    ExpansionScore expansionScore;

    @Override
    public void addSeeds(List<String> permalinks) {
        permalinks.forEach(p -> seeds.putIfAbsent(p, "pending"));
    }

    @Override
    public List<String> pendingSeeds() {
        return seeds.entrySet().stream()
                .filter(e -> e.getValue().equals("pending"))
                .map(Map.Entry::getKey)
                .toList();
    }

    @Override
    public void replayAccounts(AccountSink sink) {
        for (Account account : accounts.values()) {
            int[] counts = new int[4];
            for (long[] target : targets.values()) {
                if (target[0] == account.id()) {
                    counts[(int) target[1]]++;
                }
            }
            String state = states.get(account.id());
            AccountState s =
                    state == null ? AccountState.OPEN : state.equals("done") ? AccountState.DONE : AccountState.SKIPPED;
            sink.account(account.id(), account.permalink(), account.followers(), s, counts);
        }
    }

    @Override
    public long requestCount() {
        return requests;
    }

    @Override
    public void resolveSeed(String permalink, long accountId, Instant at) {
        seeds.put(permalink, "resolved:" + accountId);
    }

    @Override
    public void skipSeed(String permalink, SkipReason reason, Instant at, long requests) {
        seeds.put(permalink, "skipped:" + reason.code());
        this.requests += requests;
    }

    @Override
    public void commit(ScrapedAccount account) throws LedgerException {
        if (failCommitsLeft > 0) {
            failCommitsLeft--;
            throw new LedgerException("disk full (test)", null);
        }
        long id = account.profile().id();
        if (states.containsKey(id)) {
            return;
        }
        accounts.put(id, account.profile());
        emergeDates.put(id, account.emergeDate());
        for (Interaction interaction : account.interactions()) {
            accounts.putIfAbsent(interaction.target().id(), interaction.target());
            String key = id + " " + interaction.type() + " " + interaction.objectUrn();
            if (interactions.putIfAbsent(
                            key, String.valueOf(interaction.target().id()))
                    == null) {
                targets.put(key, new long[] {interaction.target().id(), index(interaction.type())});
            }
        }
        states.put(id, "done");
        if (account.seed() != null) {
            seeds.put(account.seed(), "resolved:" + id);
        }
        requests += account.requests();
    }

    @Override
    public void skip(SkippedAccount account) {
        if (states.containsKey(account.id())) {
            return;
        }
        if (account.profile() != null) {
            accounts.put(account.id(), account.profile());
        } else if (!accounts.containsKey(account.id())) {
            throw new IllegalArgumentException("unknown account " + account.id());
        }
        states.put(account.id(), "skipped:" + account.reason().code());
        if (account.seed() != null) {
            seeds.put(account.seed(), "resolved:" + account.id());
        }
        requests += account.requests();
    }

    @Override
    public void addRequests(long requests) {
        this.requests += requests;
    }

    @Override
    public @Nullable ExpansionScore expansionScore() {
        return expansionScore;
    }

    @Override
    public void recordExpansionScore(ExpansionScore score) {
        expansionScore = score;
    }

    /** Everything recorded except the request count, in a form that compares. */
    List<String> snapshot() {
        List<String> rows = new ArrayList<>();
        seeds.forEach((k, v) -> rows.add("seed " + k + " " + v));
        accounts.forEach((k, v) -> rows.add("account " + v + " " + emergeDates.get(k)));
        states.forEach((k, v) -> rows.add("state " + k + " " + v));
        interactions.forEach((k, v) -> rows.add("interaction " + k + " -> " + v));
        return rows;
    }

    /** Permalinks of done or skipped accounts, in crawl order, with the state. */
    List<String> crawlOrder() {
        List<String> order = new ArrayList<>();
        states.forEach((id, state) -> order.add(accounts.get(id).permalink() + " " + state));
        return order;
    }

    private static int index(InteractionType type) {
        return List.of(InteractionType.values()).indexOf(type);
    }
}
