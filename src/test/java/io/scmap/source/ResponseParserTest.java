package io.scmap.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResponseParserTest {

    private static JsonNode json(String resource) throws IOException {
        return HttpFetcher.mapper().readTree(TestClients.resource(resource));
    }

    private static List<Optional<Interaction>> parseAll(InteractionType type, String resource) throws IOException {
        List<Optional<Interaction>> parsed = new ArrayList<>();
        for (JsonNode item : json(resource).get("collection")) {
            parsed.add(ResponseParser.interaction(type, item));
        }
        return parsed;
    }

    @Test
    void accountKeepsHostileNamesAndMarksMissingCounts() throws IOException {
        assertThat(ResponseParser.account(json("user_7.json")))
                .contains(new Account(7, "soundcloud:users:7", "seven", "Seven <b>&amp;</b> \"Sons\"", -1, -1));
        assertThat(ResponseParser.account(json("user_8_minimal.json")))
                .contains(new Account(8, "soundcloud:users:8", "eight", "eight", 12, 3));
        assertThat(ResponseParser.account(HttpFetcher.mapper().readTree("{\"id\":0,\"permalink\":\"x\"}")))
                .isEmpty();
        assertThat(ResponseParser.account(null)).isEmpty();
    }

    @Test
    void tracksNeedIdOwnerAndUploadTime() throws IOException {
        List<Optional<Track>> parsed = new ArrayList<>();
        for (JsonNode item : json("tracks_7_page3.json").get("collection")) {
            parsed.add(ResponseParser.track(item));
        }
        assertThat(parsed)
                .containsExactly(
                        Optional.of(new Track(8000, 7, Instant.parse("2012-03-04T05:06:07Z"))), Optional.empty());
    }

    @Test
    void likeTargetsTheOwnerOfTheTrackOrPlaylist() throws IOException {
        assertThat(parseAll(InteractionType.LIKE, "likes_7.json"))
                .containsExactly(
                        Optional.of(new Interaction(
                                InteractionType.LIKE,
                                new Account(11, "soundcloud:users:11", "eleven", "Eleven", 5, -1),
                                "soundcloud:tracks:101",
                                Instant.parse("2025-03-01T10:00:00Z"))),
                        Optional.of(new Interaction(
                                InteractionType.LIKE,
                                new Account(12, "soundcloud:users:12", "twelve", "Twelve", 0, 3),
                                "soundcloud:playlists:202",
                                Instant.parse("2025-02-01T10:00:00.123Z"))),
                        Optional.empty(),
                        Optional.empty());
    }

    @Test
    void commentTargetsTheTrackOwnerNotTheCommenter() throws IOException {
        List<Optional<Interaction>> parsed = parseAll(InteractionType.COMMENT, "comments_7.json");
        assertThat(parsed.get(0)).hasValueSatisfying(c -> {
            assertThat(c.target().id()).isEqualTo(14);
            assertThat(c.target().followers()).isEqualTo(140);
            assertThat(c.objectUrn()).isEqualTo("soundcloud:comments:301");
            assertThat(c.at()).isEqualTo(Instant.parse("2025-04-01T09:00:00Z"));
        });
        assertThat(parsed.get(1)).hasValueSatisfying(c -> {
            assertThat(c.target().permalink()).isEqualTo("fifteen");
            assertThat(c.objectUrn()).isEqualTo("soundcloud:comments:302");
        });
        assertThat(parsed.get(2)).isEmpty();
    }

    @Test
    void repostTargetsTheOwnerAndIgnoresOwnPosts() throws IOException {
        List<Optional<Interaction>> parsed = parseAll(InteractionType.REPOST, "reposts_7.json");
        assertThat(parsed.get(0)).hasValueSatisfying(r -> {
            assertThat(r.target().id()).isEqualTo(16);
            assertThat(r.objectUrn()).isEqualTo("soundcloud:tracks:501");
            assertThat(r.at()).isEqualTo(Instant.parse("2025-05-01T08:00:00Z"));
        });
        assertThat(parsed.get(1)).hasValueSatisfying(r -> {
            assertThat(r.target().id()).isEqualTo(17);
            assertThat(r.objectUrn()).isEqualTo("soundcloud:playlists:601");
        });
        assertThat(parsed.get(2)).isEmpty();
    }

    @Test
    void followKeepsOnlyATimeOfTheFollowingItself() throws IOException {
        List<Optional<Interaction>> parsed = parseAll(InteractionType.FOLLOW, "followings_7.json");
        assertThat(parsed.get(0))
                .contains(new Interaction(
                        InteractionType.FOLLOW,
                        new Account(18, "soundcloud:users:18", "eighteen", "Eighteen", 1800, 18),
                        "soundcloud:users:18",
                        null));
        assertThat(parsed.get(1)).hasValueSatisfying(f -> {
            assertThat(f.target().id()).isEqualTo(19);
            assertThat(f.objectUrn()).isEqualTo("soundcloud:users:19");
            assertThat(f.at()).isEqualTo(Instant.parse("2025-05-05T05:05:05Z"));
        });
        assertThat(parsed.get(2)).isEmpty();
    }

    @Test
    void unreadableTimesBecomeNull() throws IOException {
        assertThat(ResponseParser.instant(HttpFetcher.mapper().readTree("\"yesterday\"")))
                .isNull();
        assertThat(ResponseParser.instant(HttpFetcher.mapper().readTree("\"2024-09-01T17:45:16Z\"")))
                .isEqualTo(Instant.parse("2024-09-01T17:45:16Z"));
    }
}
