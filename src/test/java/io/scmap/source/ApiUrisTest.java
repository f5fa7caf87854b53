package io.scmap.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiUrisTest {
    private static final URI API = URI.create("https://api-v2.soundcloud.com");

    @Test
    void endpointEncodesParametersInOrder() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("url", "https://soundcloud.com/dubmatix");
        params.put("limit", "200");
        assertThat(ApiUris.endpoint(API, "resolve", params).toString())
                .isEqualTo(
                        "https://api-v2.soundcloud.com/resolve?url=https%3A%2F%2Fsoundcloud.com%2Fdubmatix&limit=200");
        assertThat(ApiUris.endpoint(URI.create("http://127.0.0.1:9/prefix/"), "users/1", Map.of())
                        .toString())
                .isEqualTo("http://127.0.0.1:9/prefix/users/1");
    }

    @Test
    void resolveTakesAPermalinkOrASiteUrlOfEitherClient() {
        String expected = "https://api-v2.soundcloud.com/resolve?url=https%3A%2F%2Fsoundcloud.com%2Fdubmatix";
        for (String given : List.of(
                "dubmatix",
                " /dubmatix/ ",
                "https://soundcloud.com/dubmatix",
                "http://www.soundcloud.com/dubmatix?utm=x#top",
                "HTTPS://M.SoundCloud.com/dubmatix/")) {
            assertThat(ApiUris.resolve(API, given).toString()).as(given).isEqualTo(expected);
        }
        assertThatThrownBy(() -> ApiUris.resolve(API, "https://soundcloud.com/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("permalink must not be blank, got 'https://soundcloud.com/'");
        assertThatThrownBy(() -> ApiUris.requireUserId(0)).hasMessage("userId must be > 0, got 0");
        assertThat(ApiUris.requireUserId(7)).isEqualTo(7);
    }

    @Test
    void clientIdIsReplacedAndTheCursorKeptVerbatim() {
        URI next = URI.create("https://api-v2.soundcloud.com/tracks/1670147625/comments"
                + "?client_id=CkCiIyf14rHi27fhk7HxhPOzc85okfSJ&offset=10&threaded=0&limit=10#x");
        assertThat(ApiUris.withClientId(next, "NEW").toString())
                .isEqualTo("https://api-v2.soundcloud.com/tracks/1670147625/comments"
                        + "?offset=10&threaded=0&limit=10&client_id=NEW");
        URI cursor = URI.create("https://api-v2.soundcloud.com/users/10494998/tracks"
                + "?offset=2024-11-01T04%3A00%3A00.000Z%2Ctracks%2C00000000002160462036&limit=20");
        assertThat(ApiUris.withClientId(cursor, "id").toString()).isEqualTo(cursor + "&client_id=id");
        assertThat(ApiUris.withClientId(URI.create("https://a.b/users/1"), "id").toString())
                .isEqualTo("https://a.b/users/1?client_id=id");
        assertThat(ApiUris.withoutClientId(URI.create("https://a.b/x?client_id=1&client_id&a=b"))
                        .toString())
                .isEqualTo("https://a.b/x?a=b");
    }

    @Test
    void cursorsMoveOntoTheConfiguredBase() {
        String href = "https://api-v2.soundcloud.com/users/7/tracks?offset=a%2Cb&limit=2";
        assertThat(ApiUris.onApiBase(href, API).toString()).isEqualTo(href);
        assertThat(ApiUris.onApiBase(href, URI.create("http://127.0.0.1:8080")).toString())
                .isEqualTo("http://127.0.0.1:8080/users/7/tracks?offset=a%2Cb&limit=2");
        assertThat(ApiUris.onApiBase(href, URI.create("http://127.0.0.1:8080/api/"))
                        .toString())
                .isEqualTo("http://127.0.0.1:8080/api/users/7/tracks?offset=a%2Cb&limit=2");
        assertThat(ApiUris.onApiBase("/users/7/tracks?offset=3", URI.create("http://127.0.0.1:8"))
                        .toString())
                .isEqualTo("http://127.0.0.1:8/users/7/tracks?offset=3");
        // a look-alike host is not the configured base
        assertThat(ApiUris.onApiBase("https://api-v2.soundcloud.com.evil.example/x?y=1", API)
                        .toString())
                .isEqualTo("https://api-v2.soundcloud.com/x?y=1");
        assertThatThrownBy(() -> ApiUris.onApiBase("https://a b/<>", API)).isInstanceOf(IllegalArgumentException.class);
    }
}
