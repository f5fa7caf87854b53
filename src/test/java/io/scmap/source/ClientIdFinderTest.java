package io.scmap.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ClientIdFinderTest {

    @Test
    void readsTheApiClientEntryOfTheHydration() {
        assertThat(ClientIdFinder.fromHydration(TestClients.resource("home_hydration.html")))
                .contains("OwnHydratedClientId0000000000001");
    }

    @Test
    void hydrationWithoutApiClientYieldsNothing() {
        assertThat(ClientIdFinder.fromHydration(TestClients.resource("home_scripts_only.html")))
                .isEmpty();
        assertThat(ClientIdFinder.fromHydration("<script>window.__sc_hydration = [{\"broken\":</script>"))
                .isEmpty();
        assertThat(ClientIdFinder.fromHydration("no hydration here")).isEmpty();
    }

    @Test
    void scriptSearchSkipsLookAlikeKeys() {
        assertThat(ClientIdFinder.fromScript(TestClients.resource("app_config.js")))
                .contains("OwnScriptClientId000000000000002");
        assertThat(ClientIdFinder.fromScript("{google_client_id:\"abcdefghijklmnopqrstuvwxyz012345\"}"))
                .isEmpty();
        assertThat(ClientIdFinder.fromScript("{client_id:\"tooShort\"}")).isEmpty();
        assertThat(ClientIdFinder.fromScript("{\"client_id\": \"abcdefghijklmnopqrstuvwxyz012345\"}"))
                .contains("abcdefghijklmnopqrstuvwxyz012345");
        assertThat(ClientIdFinder.fromScript(TestClients.resource("vendor.js"))).isEmpty();
    }

    @Test
    void scriptUrlsResolveAgainstThePageInDocumentOrder() {
        String html = TestClients.resource("home_scripts_only.html").replace("{{BASE}}", "http://127.0.0.1:1");
        assertThat(ClientIdFinder.scriptUris(html, URI.create("http://127.0.0.1:9/")))
                .containsExactly(
                        URI.create("http://127.0.0.1:1/assets/0-vendor.js"),
                        URI.create("http://127.0.0.1:9/assets/54-config.js"),
                        URI.create("http://127.0.0.1:9/assets/55-missing.js?v=1&x=2"));
        assertThat(ClientIdFinder.scriptUris("<script src=\"javascript:alert(1)\"></script>", URI.create("http://h/")))
                .isEmpty();
    }
}
