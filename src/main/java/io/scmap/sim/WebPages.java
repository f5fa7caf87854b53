package io.scmap.sim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The web pages a client reads to discover the client id, shaped like soundcloud.com's
 * (homepage.html, app_js_client_id_excerpt.js): a home page whose {@code window.__sc_hydration} carries
 * {@code {"hydratable":"apiClient","data":{"id":...}}} (unless hydration is off) and lists
 * {@code <script crossorigin src=".../assets/NN-hash.js">} tags; one of those assets holds the config block
 * with {@code client_id:"..."}, the others are filler.
 */
final class WebPages {
    private static final String[] ASSET_NUMBERS = {"58", "56", "18", "57", "2", "0", "1", "55", "54"};

    private final String base;
    private final boolean hydration;
    private final long seed;
    private final List<String> assetNames = new ArrayList<>();
    private final int configAsset;

    WebPages(String base, boolean hydration, long seed) {
        this.base = base;
        this.hydration = hydration;
        this.seed = seed;
        for (int i = 0; i < ASSET_NUMBERS.length; i++) {
            String hash =
                    Long.toHexString(Mix.hash(seed, 60, i) | Long.MIN_VALUE).substring(0, 8);
            assetNames.add(ASSET_NUMBERS[i] + "-" + hash + ".js");
        }
        this.configAsset = ASSET_NUMBERS.length - 1 - Mix.below(Mix.hash(seed, 61), 3);
    }

    /** The home page, carrying {@code clientId} in its hydration when hydration is on. */
    Response homePage(String clientId) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>SoundCloud - Hear the world\u2019s sounds (simulated)</title>\n")
                .append("<script>window.__sc_abortApp=false</script>\n</head>\n<body>\n")
                .append("<div id=\"app\" class=\"header__loading\"></div>\n");
        for (int i = 0; i < 2; i++) {
            html.append("<script crossorigin src=\"").append(assetUrl(i)).append("\"></script>\n");
        }
        html.append("<script>window.__sc_version=\"")
                .append(1_700_000_000L + Mix.below(Mix.hash(seed, 62), 99_999_999));
        html.append("\"</script>\n<script>window.__sc_hydration = [")
                .append("{\"hydratable\":\"anonymousId\",\"data\":\"")
                .append(Mix.below(Mix.hash(seed, 63), 900_000) + 100_000)
                .append("-278878-684219-149994\"},")
                .append("{\"hydratable\":\"features\",\"data\":{\"features\":[\"v2_use_onetrust_gb\",")
                .append("\"v2_comment_sorting\",\"checkout_web_products\"]}},")
                .append("{\"hydratable\":\"geoip\",\"data\":{\"country_code\":\"DE\",\"country_name\":\"Germany\"}},")
                .append("{\"hydratable\":\"trackingBrowserTabId\",\"data\":\"782c5d\"}");
        if (hydration) {
            html.append(",{\"hydratable\":\"apiClient\",\"data\":{\"id\":\"")
                    .append(clientId)
                    .append("\",\"isExpiring\":false}}");
        }
        html.append("];</script>\n");
        html.append("<script src=\"").append(assetUrl(2)).append("\" crossorigin></script>\n");
        for (int i = 3; i < assetNames.size(); i++) {
            html.append("<script crossorigin src=\"").append(assetUrl(i)).append("\"></script>\n");
        }
        html.append("</body>\n</html>\n");
        return new Response(200, Response.HTML, html.toString().getBytes(StandardCharsets.UTF_8), null);
    }

    /** The asset at {@code /assets/<name>}, or null when there is none. */
    @Nullable
    Response asset(String name, String clientId) {
        int index = assetNames.indexOf(name);
        if (index < 0) {
            return null;
        }
        String body = index == configAsset ? configScript(clientId) : fillerScript(index);
        return new Response(200, Response.JAVASCRIPT, body.getBytes(StandardCharsets.UTF_8), null);
    }

    private String assetUrl(int index) {
        return base + "/assets/" + assetNames.get(index);
    }

    private String fillerScript(int index) {
        StringBuilder js = new StringBuilder(8192);
        js.append("(window.webpackJsonp=window.webpackJsonp||[]).push([[")
                .append(ASSET_NUMBERS[index])
                .append("],{");
        for (int module = 0; module < 40; module++) {
            long h = Mix.hash(seed, 64, index, module);
            js.append(String.format(Locale.ROOT, "%d:function(e,t,n){\"use strict\";", Mix.below(h, 9000)))
                    .append("var r=n(")
                    .append(Mix.below(h >>> 16, 900))
                    .append(");")
                    .append("e.exports=function(t){return r.ajax({url:t.url+\"?client_id=\"+t.client_id,")
                    .append("data:{limit:")
                    .append(10 + Mix.below(h >>> 24, 190))
                    .append("}})}},");
        }
        js.append("}]);\n");
        return js.toString();
    }

    private String configScript(String clientId) {
        return fillerScript(configAsset)
                + "fig_host:!0,env:!0,checkout_host:!0,staging_env_key:!0,no_pub:!0};r(1).each({app_id:"
                + "1e3*String(Date.now()).substr(-8)+Math.floor(1e3*Math.random()),app_version:null,"
                + "public_api_host:\"https://api.soundcloud.com/\",v2_host:\"" + base + "\",api_v2_host:\"" + base
                + "/\",client_application_id:46941,client_id:\"" + clientId + "\",client_is_expiring:!1,"
                + "env:\"production\",webi_host:\"" + base + "\",geoip:null,privacy_settings:null,"
                + "fb_app_id:\"19507961798\",google_client_id:\"984739005367.apps.googleusercontent.com\","
                + "apple_id_client_id:\"com.soundcloud.services.siwa\",playHistoryLength:50,maxComments:200,me:null"
                + "},function(e,t){n.set(t,e)});\n";
    }
}
