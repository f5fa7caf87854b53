package io.scmap.source;

/**
 * How the web api-v2 client ({@link SoundCloud#webApi(WebApiConfig)}) puts its requests on the wire.
 * Both give the same answers to the same parsing, paging, retries and rate limit; they differ only in
 * who sends the bytes.
 */
public enum Transport {
    /**
     * Java's own HTTP client, with the headers of a desktop browser (the default): fast and needs
     * nothing installed, but bot protection may refuse it.
     */
    HTTP,

    /**
     * A headless Chromium page opened on the web base: every request runs there as {@code
     * fetch(url, {credentials: 'include'})}, so the page's cookies, the bot protection's own scripts
     * and the browser's network stack apply, as when a person browses. Needs Chromium and ChromeDriver
     * ({@link WebApiConfig#browser()}, {@link WebApiConfig#chromedriver()}); slower to start (about a
     * second) and per request.
     */
    BROWSER
}
