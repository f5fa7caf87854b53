package io.scmap.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.openqa.selenium.NoSuchSessionException;
import org.openqa.selenium.ScriptTimeoutException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;

/**
 * The {@link Wire} of a headless Chromium page: each request runs inside a page opened on the web
 * base, as {@code fetch()}, so the page's cookies (a bot-protection cookie among them), the browser's
 * own headers and its network stack apply, as when a person browses soundcloud.com.
 *
 * <p>Steps: (1) on the first request, start the browser ({@link ChromiumSession}) and open the web
 * base's home page, whose scripts run as usual; (2) per request, run {@code fetch(url, {credentials})}
 * in the page through {@code executeAsyncScript} and hand back status, body text and {@code
 * Retry-After}; (3) on close, quit the browser. Cookies go along ({@code credentials: 'include'}) to
 * the web base's and the API base's origins only; other hosts, such as an asset CDN that answers
 * {@code Access-Control-Allow-Origin: *}, get the request without them, as a script tag would.
 *
 * <p>A request to another origin than the page's is subject to CORS: the API must answer with {@code
 * Access-Control-Allow-Origin} naming the page's origin and {@code Access-Control-Allow-Credentials:
 * true}, on error answers too, or the browser hides the answer; {@code Retry-After} is readable only
 * when the API exposes it ({@code Access-Control-Expose-Headers}), else the backoff applies. A fetch
 * the browser refuses (network error or CORS) is an {@link IOException} and so retried. The page
 * aborts a fetch after the timeout; the script timeout, a second later, is the backstop.
 *
 * <p>Sends only GET; of the request's headers only {@code Accept} (the browser sets the rest itself).
 * The page load does not pass the throttle or count as a request. Thread-safe: WebDriver is not, so
 * exchanges take turns (a waiting thread can be interrupted); a crashed browser is started again on the
 * next request.
 */
final class BrowserWire implements Wire {
    private static final System.Logger LOG = System.getLogger(BrowserWire.class.getName());

    /**
     * Runs one fetch; arguments: url, accept, credentials mode, timeout in ms, then WebDriver's
     * callback. Answers {@code {status, body, retryAfter}} or {@code {error}}.
     */
    static final String FETCH_SCRIPT = """
            var url = arguments[0], accept = arguments[1], credentials = arguments[2], millis = arguments[3];
            var done = arguments[arguments.length - 1];
            var controller = new AbortController();
            var timer = setTimeout(function () { controller.abort(); }, millis);
            fetch(url, {method: 'GET', headers: {'Accept': accept}, credentials: credentials,
                cache: 'no-store', redirect: 'follow', signal: controller.signal})
              .then(function (r) {
                return r.text().then(function (body) {
                  clearTimeout(timer);
                  done({status: r.status, body: body, retryAfter: r.headers.get('Retry-After')});
                });
              })
              .catch(function (e) {
                clearTimeout(timer);
                done({error: (e && e.name ? e.name + ': ' : '') + (e && e.message ? e.message : String(e))});
              });
            """;

    /** A fetch the browser refused or could not finish: worth retrying like any I/O failure. */
    static final class FetchFailedException extends IOException {
        private static final long serialVersionUID = 1L;

        FetchFailedException(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }

    private final ChromiumSession.Executables executables;
    private final URI home;
    private final Set<String> credentialOrigins;
    private final Duration timeout;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile @Nullable ChromiumSession session;
    private boolean pageOpen; // guarded by lock
    private volatile boolean closed;

    BrowserWire(ChromiumSession.Executables executables, URI webBase, URI apiBase, Duration timeout) {
        this.executables = executables;
        this.home = webBase.getRawPath() == null || webBase.getRawPath().isEmpty() ? webBase.resolve("/") : webBase;
        this.credentialOrigins = Set.of(origin(webBase), origin(apiBase));
        this.timeout = timeout;
    }

    /**
     * A browser wire for these settings; the browser starts on the first request.
     *
     * @throws IllegalArgumentException one line when Chromium or ChromeDriver is missing
     */
    static BrowserWire forWebApi(WebApiConfig config) {
        ChromiumSession.Executables executables =
                ChromiumSession.Executables.locate(config.browser(), config.chromedriver(), System.getenv("PATH"));
        return new BrowserWire(executables, config.webBase(), config.apiBase(), config.timeout());
    }

    @Override
    public Reply exchange(Request request) throws IOException, InterruptedException, SourceException {
        if (!request.method().equals("GET") || request.body() != null) {
            throw new IllegalArgumentException(
                    "the browser transport sends only GET requests, got " + request.method());
        }
        URI uri = request.uri();
        lock.lockInterruptibly();
        try {
            ChromiumSession current = openPage(uri);
            String accept = request.headers().getOrDefault("Accept", "*/*");
            Object answer = current.driver()
                    .executeAsyncScript(FETCH_SCRIPT, uri.toString(), accept, credentials(uri), timeout.toMillis());
            return reply(answer);
        } catch (ScriptTimeoutException e) {
            throw new HttpTimeoutException("no complete response within " + timeout);
        } catch (WebDriverException | UncheckedIOException e) {
            throw failed(e, uri);
        } finally {
            lock.unlock();
        }
    }

    /** The running browser with the home page open, started and navigated first where needed. */
    private ChromiumSession openPage(URI uri) throws SourceException, IOException {
        if (closed) {
            throw new SourceException("the browser was closed before requesting " + uri, 0, uri, null);
        }
        ChromiumSession current = session;
        if (current == null) {
            current = ChromiumSession.start(executables, timeout.plusSeconds(1), home);
            session = current;
            pageOpen = false;
            LOG.log(Level.DEBUG, "browser started in {0} ms", current.startup().toMillis());
            if (closed) { // closed while starting: nobody else will quit it
                current.quit();
                throw new SourceException("the browser was closed before requesting " + uri, 0, uri, null);
            }
        }
        if (!pageOpen) {
            try {
                current.driver().get(home.toString());
            } catch (TimeoutException e) {
                // a page still loading some asset after the timeout is open enough to fetch from
                LOG.log(Level.DEBUG, "{0} did not finish loading in time; using it anyway", home);
            } catch (WebDriverException e) {
                throw new FetchFailedException(
                        "the browser could not open " + home + ": " + ChromiumSession.firstLine(e.getMessage()), e);
            }
            pageOpen = true;
        }
        return current;
    }

    /** Why a WebDriver call failed, as the exception the fetcher expects. */
    private FetchFailedException failed(RuntimeException e, URI uri) throws InterruptedException, SourceException {
        if (Thread.currentThread().isInterrupted() || hasInterruptCause(e)) {
            throw new InterruptedException("interrupted while the browser requested " + uri);
        }
        if (closed) {
            throw new SourceException("the browser was closed while requesting " + uri, 0, uri, e);
        }
        if (e instanceof NoSuchSessionException) {
            discardSession(); // the browser is gone; the retry starts a new one
        } else {
            pageOpen = false; // the page may have navigated away or crashed; open it again
        }
        return new FetchFailedException(
                "the browser could not run the request: " + ChromiumSession.firstLine(e.getMessage()), e);
    }

    private static boolean hasInterruptCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof java.io.InterruptedIOException) {
                return true;
            }
        }
        return false;
    }

    /** The script's answer as a reply; a refused fetch as a {@link FetchFailedException}. */
    static Reply reply(@Nullable Object answer) throws IOException {
        if (!(answer instanceof Map<?, ?> map)) {
            throw new FetchFailedException("the browser answered " + answer + " instead of a response", null);
        }
        Object error = map.get("error");
        if (error != null) {
            String text = String.valueOf(error);
            if (text.startsWith("AbortError")) {
                throw new HttpTimeoutException("no complete response in time (" + text + ")");
            }
            throw new FetchFailedException(
                    text + "; a network error, or the answer lacked CORS headers for the page's origin", null);
        }
        if (!(map.get("status") instanceof Number status) || !(map.get("body") instanceof String body)) {
            throw new FetchFailedException("the browser answered without status or body: " + map.keySet(), null);
        }
        Object retryAfter = map.get("retryAfter");
        return new Reply(status.intValue(), body, retryAfter == null ? null : String.valueOf(retryAfter), null);
    }

    /** {@code include} for the web and API origins, {@code omit} for any other host. */
    String credentials(URI uri) {
        return credentialOrigins.contains(origin(uri)) ? "include" : "omit";
    }

    /** scheme://host[:port] in lower case, without a default port. */
    static String origin(URI uri) {
        String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
        String host = String.valueOf(uri.getHost()).toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort =
                port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }

    /** How long the browser took to start, or null before the first request; for measurements. */
    @Nullable
    Duration startup() {
        ChromiumSession current = session;
        return current == null ? null : current.startup();
    }

    private void discardSession() {
        ChromiumSession current = session;
        session = null;
        pageOpen = false;
        if (current != null) {
            current.quit();
        }
    }

    /** Quits the browser (a request in flight then fails); later requests fail. */
    @Override
    public void close() {
        closed = true;
        ChromiumSession current = session;
        session = null;
        if (current != null) {
            current.quit();
        }
    }
}
