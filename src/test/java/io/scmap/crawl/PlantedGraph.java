package io.scmap.crawl;

import static io.scmap.source.InteractionType.COMMENT;
import static io.scmap.source.InteractionType.FOLLOW;
import static io.scmap.source.InteractionType.LIKE;
import static io.scmap.source.InteractionType.REPOST;

import java.time.Instant;
import java.util.List;

/**
 * A small planted graph whose crawl order is computed by hand (weights 1/3/3/3). Ids are chosen so
 * that breaking ties by id would give a different order than breaking them by first-seen order.
 *
 * <pre>
 * seeds: alice, ghost (unknown), bob
 * alice(11): likes carol(40)x2, dave(30); comments dave; reposts erin(50); follows carol, frank(60)
 *   scores: carol 1+1+3=5, dave 1+3=4, erin 3, frank 3; first seen: alice carol dave erin frank
 * bob(12): likes gina(70), dave; follows erin, hank(80)
 *   scores: carol 5, dave 5, erin 6, frank 3, gina 1, hank 3; first seen: ... bob gina hank
 * expand erin (6): likes ivan(20); follows frank            -> frank 6, ivan 1
 * expand frank (6, the only one at 6): profile 404 -> skipped not_found
 * expand carol (5, tie with dave, seen first): likes gina; follows hank -> gina 2, hank 6
 * expand hank (6): no interactions
 * expand dave (5): likes ivan                               -> ivan 2
 * expand gina (2, tie with ivan, seen first): no tracks -> skipped no_tracks
 * expand ivan (2)
 * </pre>
 */
public final class PlantedGraph {
    public static final List<String> SEEDS = List.of("alice", "ghost", "bob");

    /** Accounts in crawl order with their outcome. */
    public static final List<String> CRAWL_ORDER = List.of(
            "alice done",
            "bob done",
            "erin done",
            "frank skipped:not_found",
            "carol done",
            "hank done",
            "dave done",
            "gina skipped:no_tracks",
            "ivan done");

    private PlantedGraph() {}

    public static FakeSoundCloud build() {
        return build(500);
    }

    /** The graph with erin's follower count changed, e.g. to make her a mainstream account. */
    public static FakeSoundCloud build(long erinFollowers) {
        FakeSoundCloud sc = new FakeSoundCloud();
        sc.user(11, "alice", 100);
        sc.user(12, "bob", 200);
        sc.user(40, "carol", 300);
        sc.user(30, "dave", 400);
        sc.user(50, "erin", erinFollowers);
        sc.user(60, "frank", 600);
        sc.user(70, "gina", 700);
        sc.user(80, "hank", 800);
        sc.user(20, "ivan", 900);
        sc.gone(60);
        for (long id : new long[] {11, 12, 40, 30, 50, 60, 80, 20}) {
            sc.tracks(
                    id,
                    Instant.parse("2015-03-01T12:00:00Z").plusSeconds(86_400 * id),
                    Instant.parse("2019-01-01T00:00:00Z"));
        }
        sc.interaction(11, LIKE, 40, "soundcloud:tracks:401");
        sc.interaction(11, LIKE, 30, "soundcloud:tracks:301");
        sc.interaction(11, LIKE, 40, "soundcloud:tracks:402");
        sc.interaction(11, COMMENT, 30, "soundcloud:comments:9001");
        sc.interaction(11, REPOST, 50, "soundcloud:tracks:501");
        sc.interaction(11, FOLLOW, 40, "soundcloud:users:40");
        sc.interaction(11, FOLLOW, 60, "soundcloud:users:60");

        sc.interaction(12, LIKE, 70, "soundcloud:tracks:701");
        sc.interaction(12, LIKE, 30, "soundcloud:tracks:301");
        sc.interaction(12, FOLLOW, 50, "soundcloud:users:50");
        sc.interaction(12, FOLLOW, 80, "soundcloud:users:80");

        sc.interaction(50, LIKE, 20, "soundcloud:tracks:201");
        sc.interaction(50, FOLLOW, 60, "soundcloud:users:60");

        sc.interaction(40, LIKE, 70, "soundcloud:tracks:702");
        sc.interaction(40, FOLLOW, 80, "soundcloud:users:80");

        sc.interaction(30, LIKE, 20, "soundcloud:tracks:202");
        return sc;
    }
}
