package io.scmap.crawl;

import io.scmap.source.Account;
import io.scmap.source.Interaction;
import io.scmap.source.InteractionType;
import io.scmap.source.SoundCloudClient;
import io.scmap.source.SourceException;
import io.scmap.source.Track;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An in-memory SoundCloud for tests: a planted graph of users, tracks and interactions, with
 * request counting and fault injection (a failure or an interrupt on the n-th call). Lists are
 * newest first in the order added. Public so that store tests can drive a crawl with it.
 */
public final class FakeSoundCloud implements SoundCloudClient {
    private final Map<String, Account> byPermalink = new HashMap<>();
    private final Map<Long, Account> byId = new HashMap<>();
    private final Set<Long> gone = new HashSet<>();
    private final Set<Long> refused = new HashSet<>();
    private long refuseAllFrom = Long.MAX_VALUE;
    private final Map<Long, List<Track>> tracks = new HashMap<>();
    private final Map<Long, Map<InteractionType, List<Interaction>>> interactions = new HashMap<>();
    private final List<String> calls = new ArrayList<>();
    private long requests;
    private long failOnCall = -1;
    private SourceException failure = new SourceException("unused", 0, null, null);
    private long interruptOnCall = -1;
    private boolean ignoreMax;
    private Set<InteractionType> supported = java.util.EnumSet.allOf(InteractionType.class);

    /** Adds a user; followers as given, track count from the tracks added later is not checked. */
    public Account user(long id, String permalink, long followers) {
        Account account = new Account(id, "soundcloud:users:" + id, permalink, "Name of " + permalink, followers, 0);
        byPermalink.put(permalink, account);
        byId.put(id, account);
        return account;
    }

    /** Makes a user's profile answer 404 although others still see it as an interaction target. */
    public void gone(long id) {
        gone.add(id);
    }

    /** Makes a user's tracks and lists answer 403, as a private or restricted account would. */
    public void refuse(long id) {
        refused.add(id);
    }

    /** From the n-th call on (1-based, counting all calls so far), every call answers 403: access lost. */
    public void refuseAllFromCall(long n) {
        refuseAllFrom = n;
    }

    /** Adds tracks uploaded at the given times (any order). */
    public void tracks(long userId, Instant... uploads) {
        List<Track> list = tracks.computeIfAbsent(userId, id -> new ArrayList<>());
        for (Instant upload : uploads) {
            list.add(new Track(1_000_000L * userId + list.size(), userId, upload));
        }
    }

    /** Adds an interaction of {@code source} with {@code target} on the given object. */
    public void interaction(long source, InteractionType type, long target, String objectUrn) {
        Account targetAccount = byId.get(target);
        if (targetAccount == null) {
            throw new IllegalArgumentException("unknown target " + target);
        }
        interactions
                .computeIfAbsent(source, id -> new EnumMap<>(InteractionType.class))
                .computeIfAbsent(type, t -> new ArrayList<>())
                .add(new Interaction(type, targetAccount, objectUrn, Instant.parse("2024-01-01T00:00:00Z")));
    }

    /** The n-th call from now on (1-based, counting all calls so far) throws {@code e} instead of answering. */
    public void failOnCall(long n, SourceException e) {
        failOnCall = n;
        failure = e;
    }

    /** The n-th call sets the calling thread's interrupt flag, then answers normally. */
    public void interruptOnCall(long n) {
        interruptOnCall = n;
    }

    /** Answers with every item, ignoring {@code max}, like a misbehaving client. */
    public void ignoreMax() {
        ignoreMax = true;
    }

    public void clearFaults() {
        failOnCall = -1;
        interruptOnCall = -1;
    }

    /** Every call so far, e.g. {@code "likes 11 max 500"}. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public Optional<Account> resolve(String permalink) throws SourceException {
        call("resolve " + permalink);
        return Optional.ofNullable(byPermalink.get(permalink));
    }

    @Override
    public Optional<Account> profile(long userId) throws SourceException {
        call("profile " + userId);
        refuseIfAllRefused();
        return gone.contains(userId) ? Optional.empty() : Optional.ofNullable(byId.get(userId));
    }

    @Override
    public List<Track> tracks(long userId, int max) throws SourceException {
        call("tracks " + userId + " max " + max);
        refuseIfRefused(userId);
        return cap(tracks.getOrDefault(userId, List.of()), max);
    }

    @Override
    public List<Interaction> interactions(long userId, InteractionType type, int max) throws SourceException {
        call(type.name().toLowerCase(java.util.Locale.ROOT) + "s " + userId + " max " + max);
        refuseIfRefused(userId);
        return cap(interactions.getOrDefault(userId, Map.of()).getOrDefault(type, List.of()), max);
    }

    /** Acts like a client that cannot list some types (the official API has no comments feed). */
    public void supportOnly(Set<InteractionType> types) {
        supported = Set.copyOf(types);
    }

    @Override
    public Set<InteractionType> supportedTypes() {
        return supported;
    }

    @Override
    public long requestCount() {
        return requests;
    }

    @Override
    public void close() {}

    private <T> List<T> cap(List<T> list, int max) {
        return List.copyOf(ignoreMax ? list : list.subList(0, Math.min(max, list.size())));
    }

    private void refuseIfRefused(long userId) throws SourceException {
        refuseIfAllRefused();
        if (refused.contains(userId)) {
            throw new SourceException("HTTP 403 for user " + userId, 403, null, null);
        }
    }

    private void refuseIfAllRefused() throws SourceException {
        if (requests >= refuseAllFrom) {
            throw new SourceException("HTTP 403 for everything", 403, null, null);
        }
    }

    private void call(String what) throws SourceException {
        requests++;
        calls.add(what);
        if (requests == failOnCall) {
            throw failure;
        }
        if (requests == interruptOnCall) {
            Thread.currentThread().interrupt();
        }
    }
}
