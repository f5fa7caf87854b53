package io.scmap.sim;

import com.fasterxml.jackson.core.JsonFactory;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.Writer;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A simulated SoundCloud served over HTTP on 127.0.0.1: a deterministic world of artists in planted
 * scenes, answering the web api-v2 paths with the JSON shapes of the real API, with client id checks,
 * rotation and optional fault injection.
 *
 * <pre>{@code
 * try (SimulatedSoundCloud sim = SimulatedSoundCloud.start(SimParams.DEFAULTS, 0)) {
 *     URI base = sim.baseUrl();              // home page, /assets/*.js and the API paths
 *     List<String> seeds = sim.seedPermalinks(5);
 *     sim.writeTruth(Path.of("truth.csv"));  // permalink,scene
 * }
 * }</pre>
 *
 * <p>Paths, all on {@link #baseUrl()}:
 *
 * <ul>
 *   <li>{@code GET /}: home page; {@code window.__sc_hydration} holds
 *       {@code {"hydratable":"apiClient","data":{"id":"<client id>","isExpiring":false}}} unless
 *       {@link SimParams#hydration()} is false, and {@code <script crossorigin src="BASE/assets/NN-hash.js">}
 *       tags name the assets.
 *   <li>{@code GET /assets/<name>.js}: one asset holds {@code client_id:"<client id>"} in a config block
 *       (followed by {@code google_client_id}); the others are filler.
 *   <li>API paths, each requiring {@code client_id=<current id>} (else 401 with a JSON body):
 *       {@code /resolve?url=<any host>/<permalink>}, {@code /users/{id}}, {@code /users/{id}/tracks},
 *       {@code /users/{id}/likes}, {@code /users/{id}/comments}, {@code /users/{id}/followings},
 *       {@code /stream/users/{id}/reposts}. Unknown or deleted users: 404 with body {@code {}}. The lists
 *       (tracks included) of the private artists that {@link SimParams#privateShare()} plants: 403 with a
 *       JSON body, whatever the client id; their profiles answer 200.
 *   <li>Lists are newest first, {@code {"collection":[...],"next_href":...,"query_urn":null}}; {@code limit}
 *       defaults to 20 and is clamped to [1, 200]; {@code offset} is an opaque cursor; {@code next_href} is
 *       absolute, carries {@code offset} and {@code limit} but no {@code client_id}, and is null on the last
 *       page. About 3% of users get one empty page with a non-null {@code next_href} after their first page.
 * </ul>
 *
 * <p>Requests that carry an {@code Origin} header get CORS headers allowing that origin with credentials, on
 * every answer (errors included), and {@code OPTIONS} preflights are answered; so a browser page on one
 * origin (say {@code http://127.0.0.1:PORT}) can call the API through another name of the same server
 * ({@code http://localhost:PORT}), as soundcloud.com's pages call api-v2.soundcloud.com.
 *
 * <p>With {@link SimParams#errorRate()} f, each API request fails with probability f, never more than three
 * times in a row for the same path and query: 429 with {@code Retry-After: 0} or {@code 1} or without it,
 * 500, 502, 503, a truncated JSON body with status 200, or (not a failure) a 200-500 ms delay.
 *
 * <p>The world is a pure function of {@link SimParams} and never changes while served; two servers
 * started with the same parameters answer the same requests with the same bytes (apart from the base URL
 * inside {@code next_href} and page links). The server answers from a small fixed thread pool; the per
 * request work is one page of precomputed data written with Jackson's streaming generator.
 */
public final class SimulatedSoundCloud implements AutoCloseable {
    private static final int THREADS = 8;

    static {
        // The JDK server writes headers and body in separate packets; with Nagle's algorithm on, every
        // response then waits for the client's delayed ACK (about 40 ms). The server reads this property
        // once, when the first server in the JVM is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final World world;
    private final HttpServer server;
    private final ExecutorService executor;
    private final ClientIdIssuer clientIds;
    private final SimHandler handler;
    private final URI baseUrl;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SimulatedSoundCloud(
            World world,
            HttpServer server,
            ExecutorService executor,
            ClientIdIssuer clientIds,
            SimHandler handler,
            URI baseUrl) {
        this.world = world;
        this.server = server;
        this.executor = executor;
        this.clientIds = clientIds;
        this.handler = handler;
        this.baseUrl = baseUrl;
    }

    /**
     * Generates the world for {@code params} and serves it on {@code 127.0.0.1:port}.
     *
     * @param port the TCP port, or 0 for any free port
     * @throws IOException when the port cannot be bound, for example "port 8080 is already in use"
     */
    public static SimulatedSoundCloud start(SimParams params, int port) throws IOException {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
        }
        World world = World.generate(params);
        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(loopback, port), 128);
        } catch (BindException e) {
            throw new IOException("port " + port + " is already in use on 127.0.0.1 (" + e.getMessage() + ")", e);
        }
        URI baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        String base = baseUrl.toString();
        ClientIdIssuer clientIds = new ClientIdIssuer(params.seed());
        SimHandler handler = new SimHandler(
                new ApiRoutes(world, new JsonFactory(), base),
                new WebPages(base, params.hydration(), params.seed()),
                clientIds,
                new FaultInjector(params.errorRate(), params.seed()));
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
        server.createContext("/", handler);
        server.setExecutor(executor);
        server.start();
        return new SimulatedSoundCloud(world, server, executor, clientIds, handler, baseUrl);
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "scmap-sim-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The base URL, such as {@code http://127.0.0.1:54321}, of the web pages and the API paths. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The parameters the world was generated from. */
    public SimParams params() {
        return world.params;
    }

    /**
     * {@code n} permalinks of live, public artists with tracks to start a crawl from: the most followed artist of
     * each scene in turn, then the second most followed, and so on. Deterministic; fewer when the world
     * has fewer such artists.
     */
    public List<String> seedPermalinks(int n) {
        return world.seedPermalinks(n);
    }

    /** The planted scene of every artist (deleted and track-less ones included): permalink to scene name. */
    public Map<String, String> truth() {
        return world.truth();
    }

    /** The permalinks of the private artists ({@link SimParams#privateShare()}), in index order. */
    public List<String> privatePermalinks() {
        return world.privatePermalinks();
    }

    /**
     * Writes {@link #truth()} as CSV: a {@code permalink,scene} header, then one line per artist, fields
     * quoted as in RFC 4180 when they contain a comma, quote or line break; lines end with {@code \n}.
     */
    public void writeTruth(Path csv) throws IOException {
        try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("permalink,scene\n");
            for (Map.Entry<String, String> row : truth().entrySet()) {
                out.write(csvField(row.getKey()) + "," + csvField(row.getValue()) + "\n");
            }
        } catch (IOException e) {
            throw new IOException("cannot write truth file " + csv + ": " + e.getMessage(), e);
        }
    }

    static String csvField(String value) {
        boolean quote = value.indexOf(',') >= 0
                || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    /** The client id the API currently accepts, as the home page and assets show it. */
    public String clientId() {
        return clientIds.current();
    }

    /** Replaces the client id; requests with the old one then get 401. */
    public void rotateClientId() {
        clientIds.rotate();
    }

    /** Requests answered so far (all paths, faults included). */
    public long requestsServed() {
        return handler.served();
    }

    /** Number of artist accounts (the rows a crawl can recover). */
    public int artistCount() {
        return world.artistCount;
    }

    /**
     * Counts describing the world: artists, listeners, scenes, deleted artists, artists without tracks,
     * tracks, playlists, interactions per type and the mean reference weight per artist.
     */
    public Map<String, Object> statistics() {
        return world.statistics();
    }

    /** Stops serving at once and releases the port; closing again does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
