package io.nautilus.web.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.nautilus.api.platform.MetricsScrape;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.KeyStoreOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The platform's HTTP server: a Vert.x {@link HttpServer} whose router checks every request (body limit, session or
 * bearer token, CSRF token, audit of state changes) before the {@link WebModule}s' routes, and serves logins,
 * {@code /metrics} and the dashboard's static files itself. Modules come and go at run time: the router is rebuilt
 * and swapped at once, so a request sees either the old or the new set.
 */
public final class WebServer implements AutoCloseable {

    /** The session cookie's name. */
    public static final String SESSION_COOKIE = "NAUTILUS_SESSION";
    /** The header a cookie-authenticated state-changing request carries its session's CSRF token in. */
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** The login endpoint, the one anonymous API route. */
    public static final String LOGIN_PATH = "/api/v1/login";

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final Logger AUDIT = LoggerFactory.getLogger("io.nautilus.web.audit");
    private static final String USER_KEY = "nautilus.user";
    private static final String SESSION_KEY = "nautilus.session";
    private static final String TOKEN_EXPIRY_KEY = "nautilus.tokenExpires";
    private static final int MAX_NAME_LENGTH = 256;
    /**
     * Event loops, each with its own HTTP server instance on the shared port (Vert.x hands new connections to them in
     * turn): one server instance would serve every connection on one event loop.
     */
    static final int EVENT_LOOPS = 2;
    /** Vert.x's port for "a random port shared by every instance" (port 0 would give each its own). */
    private static final int SHARED_RANDOM_PORT = -1;
    /** Logins checked at once (each may wait in the realm's throttling); more are answered 503 at once. */
    static final int MAX_PENDING_LOGINS = 64;
    private static final byte[] INTERNAL_ERROR = ("{\"type\":\"urn:nautilus:problem:internal-error\","
            + "\"title\":\"Internal error\",\"status\":500,\"detail\":\"the answer could not be written\"}")
            .getBytes(StandardCharsets.UTF_8);

    /** Where the platform's services come from: OSGi in the platform, a map in tests. */
    @FunctionalInterface
    public interface Services {

        /**
         * @param type a service interface
         * @param <T>  its type
         * @return the service while it is registered
         */
        <T> Optional<T> find(Class<T> type);
    }

    private final WebSettings settings;
    private final Authenticator authenticator;
    private final Services services;
    private final ObjectMapper json = mapper();
    private final SessionStore sessions;
    private final TokenStore tokens = new TokenStore();
    private final LoginLimiter limiter;
    private final StaticFiles files;
    private final Context context = new Context();
    private final AtomicReference<Router> router = new AtomicReference<>();
    private final Vertx vertx;
    private final WorkerExecutor logins;
    private final AtomicInteger pendingLogins = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile List<WebModule> modules = List.of();
    private HttpServer server;
    private long sweeper;

    /**
     * Creates the server (not listening yet).
     *
     * @param settings      its settings
     * @param authenticator the login check
     * @param services      the platform's services, for the modules
     * @param files         the static files (the dashboard)
     */
    public WebServer(WebSettings settings, Authenticator authenticator, Services services, StaticFiles files) {
        this.settings = settings;
        this.authenticator = authenticator;
        this.services = services;
        this.files = files;
        this.sessions = new SessionStore(settings.sessionTimeout(), settings.maxSessions());
        this.limiter = new LoginLimiter(settings.maxFailures(), settings.failureWindow(), settings.lockout());
        this.vertx = withVertxClassLoader(() -> Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(EVENT_LOOPS)
                .setWorkerPoolSize(8)
                .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false)
                        .setClassPathResolvingEnabled(false))));
        this.logins = vertx.createSharedWorkerExecutor("nautilus-web-login", 2);
        router.set(buildRouter(List.of()));
    }

    /**
     * Starts listening.
     *
     * @param timeout how long to wait for the port
     * @return the port it listens on
     * @throws IllegalStateException when the port cannot be bound or the key store not read; the message says why
     */
    public int start(Duration timeout) {
        HttpServerOptions options = new HttpServerOptions().setHost(settings.host())
                .setPort(settings.port() == 0 ? SHARED_RANDOM_PORT : settings.port())
                .setCompressionSupported(true).setHttp2ClearTextEnabled(false)
                // a stream frame goes to many clients: deflating it once per client (and a deflater of ~300 KB per
                // connection) costs more than the few hundred bytes of JSON it saves
                .setPerMessageWebSocketCompressionSupported(false).setPerFrameWebSocketCompressionSupported(false)
                .setIdleTimeout(300).setIdleTimeoutUnit(TimeUnit.SECONDS);
        if (settings.tls()) {
            String path = settings.keystore().toString();
            String type = path.toLowerCase(Locale.ROOT).endsWith(".jks") ? "JKS" : "PKCS12";
            options.setSsl(true).setKeyCertOptions(new KeyStoreOptions().setType(type).setPath(path)
                    .setPassword(settings.keystorePassword()));
        }
        List<HttpServer> listening = new java.util.concurrent.CopyOnWriteArrayList<>();
        try {
            listenInVertxLoader(() -> vertx.deployVerticle(() -> new AbstractVerticle() {
                        @Override
                        public void start(Promise<Void> started) {
                            vertx.createHttpServer(options)
                                    .connectionHandler(WebServer.this::connected)
                                    .requestHandler(request -> router.get().handle(request))
                                    .listen()
                                    .onSuccess(listener -> {
                                        listening.add(listener);
                                        started.complete();
                                    })
                                    .onFailure(started::fail);
                        }
                    }, new DeploymentOptions().setInstances(EVENT_LOOPS))
                    .toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("cannot listen on " + settings.host() + ":" + settings.port()
                    + (settings.tls() ? " with TLS (" + settings.keystore() + ")" : "") + ": " + cause, cause);
        }
        server = listening.get(0);
        sweeper = vertx.setPeriodic(60_000, id -> sweep());
        LOG.info("Web server listening on {}://{}:{}", settings.tls() ? "https" : "http", settings.host(),
                server.actualPort());
        return server.actualPort();
    }

    private void connected(HttpConnection connection) {
        connection.closeHandler(closed -> connections.decrementAndGet());
        if (connections.incrementAndGet() > settings.maxConnections()) {
            LOG.warn("connection from {} closed: connections.max = {} connections are open",
                    connection.remoteAddress(), settings.maxConnections());
            connection.close();
        }
    }

    /** @return the open connections */
    public int connections() {
        return connections.get();
    }

    /** @return the port the server listens on, or -1 before {@link #start} */
    public int port() {
        return server == null ? -1 : server.actualPort();
    }

    /** @return the server's Vert.x instance */
    public Vertx vertx() {
        return vertx;
    }

    /** @return what modules get: services, JSON, problems, roles, audit */
    public WebContext context() {
        return context;
    }

    /**
     * Mounts a new set of modules: builds a new router with them and swaps it in.
     *
     * @param mounted the modules, in any order (they are mounted by class name)
     */
    public void modules(List<WebModule> mounted) {
        List<WebModule> sorted = new ArrayList<>(mounted);
        sorted.sort(Comparator.comparing(m -> m.getClass().getName()));
        modules = List.copyOf(sorted);
        router.set(buildRouter(modules));
    }

    /** Stops listening, ends all sessions and closes Vert.x (waits up to 10 s). */
    @Override
    public void close() {
        vertx.cancelTimer(sweeper);
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Web server did not close cleanly: {}", e.toString());
        }
    }

    private void sweep() {
        long now = System.nanoTime();
        sessions.sweep(now);
        limiter.sweep(now);
        tokens.sweep(Instant.now());
    }

    private Router buildRouter(List<WebModule> mounted) {
        Router r = withVertxClassLoader(() -> Router.router(vertx));
        r.route().handler(this::headers);
        BodyHandler body = BodyHandler.create(false).setBodyLimit(settings.bodyLimit());
        r.route().method(HttpMethod.POST).method(HttpMethod.PUT).method(HttpMethod.PATCH).method(HttpMethod.DELETE)
                .handler(body);
        r.route().failureHandler(this::failure);
        r.post(LOGIN_PATH).handler(this::requireJson).handler(this::login);
        r.get("/login.html").handler(files::serve);
        r.get("/login/*").handler(files::serve);
        r.route().handler(this::authenticate);
        r.route().handler(this::checkStateChange);
        r.post("/api/v1/logout").handler(this::logout);
        r.get("/api/v1/me").handler(this::me);
        r.post("/api/v1/tokens").handler(this::issueToken);
        r.get("/api/v1/tokens").handler(this::listTokens);
        r.delete("/api/v1/tokens/:id").handler(this::revokeToken);
        r.get("/metrics").handler(this::metrics);
        for (WebModule module : mounted) {
            try {
                module.mount(r, context);
            } catch (RuntimeException e) {
                LOG.error("Web module {} could not mount its routes; it is left out", module.getClass().getName(), e);
            }
        }
        r.get().handler(files::serve);
        r.errorHandler(404, ctx -> context.problem(ctx, 404, "Not found", "no resource at " + ctx.request().path()));
        r.errorHandler(405, ctx -> context.problem(ctx, 405, "Method not allowed", ctx.request().method() + " is not"
                + " allowed on " + ctx.request().path()));
        return r;
    }

    private void headers(RoutingContext ctx) {
        var headers = ctx.response().headers();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'"
                + " 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'");
        if (settings.tls()) {
            headers.set("Strict-Transport-Security", "max-age=31536000");
        }
        if (ctx.request().path().startsWith("/api/")) {
            headers.set("Cache-Control", "no-store");
        }
        ctx.next();
    }

    private void failure(RoutingContext ctx) {
        if (ctx.response().ended()) {
            return;
        }
        int status = ctx.statusCode();
        if (status == 413) {
            context.problem(ctx, 413, "Request body too large",
                    "the body is larger than body.limit = " + settings.bodyLimit() + " bytes");
        } else if (status >= 400 && status < 500) {
            context.problem(ctx, status, "Bad request", "the request could not be read");
        } else {
            LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), ctx.failure());
            context.problem(ctx, 500, "Internal error", "the server failed to answer; the log has the details");
        }
    }

    /** Requests with a body must say it is JSON: a cross-site HTML form cannot send that. */
    private void requireJson(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        if (ctx.body() != null && ctx.body().length() > 0
                && (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json"))) {
            context.problem(ctx, 415, "Unsupported media type", "the request body must be application/json");
            return;
        }
        ctx.next();
    }

    private void login(RoutingContext ctx) {
        Optional<LoginRequest> read = context.body(ctx, LoginRequest.class);
        if (read.isEmpty()) {
            return;
        }
        LoginRequest login = read.get();
        if (login.username() == null || login.username().isBlank() || login.username().length() > MAX_NAME_LENGTH
                || login.password() == null || login.password().length() > MAX_NAME_LENGTH) {
            context.problem(ctx, 400, "Invalid request", "username and password are needed, at most "
                    + MAX_NAME_LENGTH + " characters each");
            return;
        }
        String username = login.username().trim();
        String address = remote(ctx);
        long wait = limiter.retryAfter(username, address, System.nanoTime());
        if (wait > 0) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait) + 1);
            AUDIT.warn("login of {} from {} refused: locked out for {} s after too many failures", username, address,
                    seconds);
            ctx.response().putHeader("Retry-After", Long.toString(seconds));
            context.problem(ctx, 429, "Too many failed logins", "logins of " + username + " or from " + address
                    + " are refused for " + seconds + " more seconds after too many failures");
            return;
        }
        if (pendingLogins.incrementAndGet() > MAX_PENDING_LOGINS) {
            pendingLogins.decrementAndGet();
            context.problem(ctx, 503, "Too many logins", MAX_PENDING_LOGINS + " logins are being checked; try again");
            return;
        }
        logins.<Optional<WebContext.User>>executeBlocking(
                () -> authenticator.authenticate(username, login.password().toCharArray()), false)
                .onComplete(done -> {
                    pendingLogins.decrementAndGet();
                    if (done.failed()) {
                        if (done.cause() instanceof Authenticator.NoRoleException noRole) {
                            AUDIT.warn("login of {} from {} refused: {}", username, address, noRole.getMessage());
                            context.problem(ctx, 403, "No platform role", noRole.getMessage());
                        } else {
                            LOG.error("login of {} failed in the realm", username, done.cause());
                            context.problem(ctx, 500, "Internal error", "the login could not be checked");
                        }
                        return;
                    }
                    Optional<WebContext.User> user = done.result();
                    if (user.isEmpty()) {
                        limiter.failed(username, address, System.nanoTime());
                        AUDIT.warn("login of {} from {} failed", username, address);
                        context.problem(ctx, 401, "Login failed", "wrong user name or password");
                        return;
                    }
                    limiter.succeeded(username);
                    String previous = cookie(ctx);
                    if (previous != null) {
                        sessions.close(previous);
                    }
                    Optional<SessionStore.Session> session = sessions.open(user.get(), System.nanoTime());
                    if (session.isEmpty()) {
                        context.problem(ctx, 503, "Too many sessions", "session.max = " + settings.maxSessions()
                                + " sessions are open; try again when some end");
                        return;
                    }
                    ctx.response().addCookie(Cookie.cookie(SESSION_COOKIE, session.get().id()).setPath("/")
                            .setHttpOnly(true).setSameSite(CookieSameSite.STRICT).setSecure(settings.tls()));
                    AUDIT.info("login of {} ({}) from {}", username, roleName(user.get().role()), address);
                    uncompressed(ctx);
                    context.json(ctx, 200, new LoginResponse(user.get().name(), roleName(user.get().role()),
                            session.get().csrfToken()));
                });
    }

    private void authenticate(RoutingContext ctx) {
        String authorization = ctx.request().getHeader("Authorization");
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                unauthenticated(ctx, "the Authorization header must be Bearer <token>");
                return;
            }
            Optional<TokenStore.Token> token = tokens.find(authorization.substring(7).trim(), Instant.now());
            if (token.isEmpty()) {
                unauthenticated(ctx, "the bearer token is unknown or expired");
                return;
            }
            ctx.put(USER_KEY, token.get().user());
            ctx.put(TOKEN_EXPIRY_KEY, token.get().expires());
            ctx.next();
            return;
        }
        String id = cookie(ctx);
        Optional<SessionStore.Session> session = id == null ? Optional.empty() : sessions.find(id, System.nanoTime());
        if (session.isEmpty()) {
            unauthenticated(ctx, id == null ? "log in first (POST " + LOGIN_PATH + ") or send a bearer token"
                    : "the session ended; log in again");
            return;
        }
        ctx.put(USER_KEY, session.get().user());
        ctx.put(SESSION_KEY, session.get());
        ctx.next();
    }

    private void unauthenticated(RoutingContext ctx, String detail) {
        String path = ctx.request().path();
        boolean page = ctx.request().method() == HttpMethod.GET && !path.startsWith("/api/")
                && !path.equals("/metrics") && (path.equals("/") || path.endsWith(".html"));
        if (page) {
            ctx.response().setStatusCode(302).putHeader("Location", "/login.html").end();
            return;
        }
        ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"nautilus\"");
        context.problem(ctx, 401, "Unauthenticated", detail);
    }

    private void checkStateChange(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        SessionStore.Session session = ctx.get(SESSION_KEY);
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
            if (session != null && isWebSocket(ctx) && !sameOrigin(ctx)) {
                AUDIT.warn("WebSocket {} of {} from {} refused: Origin {} is not this server", ctx.request().path(),
                        session.user().name(), remote(ctx), ctx.request().getHeader("Origin"));
                context.problem(ctx, 403, "Cross-origin WebSocket", "a WebSocket with the session cookie must come"
                        + " from a page of this server");
                return;
            }
            ctx.next();
            return;
        }
        if (session != null && !Secrets.matches(session.csrfToken(), ctx.request().getHeader(CSRF_HEADER))) {
            AUDIT.warn("{} {} of {} from {} refused: missing or wrong {}", method, ctx.request().path(),
                    session.user().name(), remote(ctx), CSRF_HEADER);
            context.problem(ctx, 403, "CSRF token missing", "a state-changing request with the session cookie needs"
                    + " the header " + CSRF_HEADER + " (the csrfToken of the login)");
            return;
        }
        String type = ctx.request().getHeader("Content-Type");
        if (ctx.body() != null && ctx.body().length() > 0
                && (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json"))) {
            context.problem(ctx, 415, "Unsupported media type", "the request body must be application/json");
            return;
        }
        WebContext.User user = ctx.get(USER_KEY);
        String address = remote(ctx);
        String path = ctx.request().path();
        ctx.addEndHandler(done -> AUDIT.info("{} ({}) from {}: {} {} -> {}", user.name(), roleName(user.role()),
                address, method, path, ctx.response().getStatusCode()));
        ctx.next();
    }

    /** Answers carrying a secret (CSRF or bearer token) are not compressed: no BREACH-style length oracle. */
    private static void uncompressed(RoutingContext ctx) {
        ctx.response().putHeader("Content-Encoding", "identity");
    }

    private static boolean isWebSocket(RoutingContext ctx) {
        String upgrade = ctx.request().getHeader("Upgrade");
        return upgrade != null && upgrade.equalsIgnoreCase("websocket");
    }

    /** A browser's WebSocket carries the page's Origin: it must name this server (scheme, host and port). */
    private static boolean sameOrigin(RoutingContext ctx) {
        String origin = ctx.request().getHeader("Origin");
        if (origin == null) {
            return true;
        }
        String host = ctx.request().getHeader("Host");
        try {
            java.net.URI uri = java.net.URI.create(origin);
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host != null && (authority.equalsIgnoreCase(host)
                    || (uri.getPort() < 0 && host.equalsIgnoreCase(uri.getHost() + ":"
                    + ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80))));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void logout(RoutingContext ctx) {
        String id = cookie(ctx);
        if (id != null) {
            sessions.close(id);
        }
        ctx.response().addCookie(Cookie.cookie(SESSION_COOKIE, "").setPath("/").setMaxAge(0).setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT).setSecure(settings.tls()));
        ctx.response().setStatusCode(204).end();
    }

    private void me(RoutingContext ctx) {
        WebContext.User user = context.user(ctx);
        SessionStore.Session session = ctx.get(SESSION_KEY);
        Instant expires = ctx.get(TOKEN_EXPIRY_KEY);
        uncompressed(ctx);
        context.json(ctx, 200, new MeResponse(user.name(), roleName(user.role()), session != null ? "session" : "bearer",
                session != null ? session.csrfToken() : null, expires));
    }

    private void issueToken(RoutingContext ctx) {
        Optional<TokenRequest> read = context.body(ctx, TokenRequest.class);
        if (read.isEmpty()) {
            return;
        }
        TokenRequest request = read.get();
        if (request.name() == null || request.name().isBlank() || request.name().length() > 64) {
            context.problem(ctx, 400, "Invalid request", "name is needed, 1 to 64 characters");
            return;
        }
        long max = settings.maxTokenTtl().toSeconds();
        if (request.ttlSeconds() < 60 || request.ttlSeconds() > max) {
            context.problem(ctx, 400, "Invalid request", "ttlSeconds " + request.ttlSeconds()
                    + " must be within 60.." + max + " (token.maxTtl)");
            return;
        }
        Instant now = Instant.now();
        Instant expires = now.plusSeconds(request.ttlSeconds());
        Instant own = ctx.get(TOKEN_EXPIRY_KEY);
        if (own != null && own.isBefore(expires)) {
            expires = own;
        }
        WebContext.User user = context.user(ctx);
        Optional<TokenStore.Issued> token = tokens.issue(request.name(), user, expires, now);
        if (token.isEmpty()) {
            context.problem(ctx, 503, "Too many tokens", TokenStore.MAX + " tokens live; try again when some expire");
            return;
        }
        context.audit(ctx, "issued token " + token.get().id() + " " + request.name() + " until " + expires);
        uncompressed(ctx);
        context.json(ctx, 201, new TokenResponse(token.get().id(), token.get().secret(), expires));
    }

    /** {@code GET /api/v1/tokens}: an admin sees every live token, other users their own. */
    private void listTokens(RoutingContext ctx) {
        WebContext.User user = context.user(ctx);
        List<TokenView> views = new ArrayList<>();
        for (TokenStore.Token token : tokens.list(Instant.now())) {
            if (user.role() == WebContext.Role.ADMIN || token.user().name().equals(user.name())) {
                views.add(TokenView.of(token));
            }
        }
        context.json(ctx, 200, views);
    }

    /** {@code DELETE /api/v1/tokens/{id}}: a user ends their own tokens, an admin anyone's. */
    private void revokeToken(RoutingContext ctx) {
        WebContext.User user = context.user(ctx);
        String id = ctx.pathParam("id");
        Optional<TokenStore.Token> found = tokens.list(Instant.now()).stream().filter(t -> t.id().equals(id))
                .findFirst();
        if (found.isEmpty()) {
            context.problem(ctx, 404, "Not found", "no live token " + id);
            return;
        }
        if (user.role() != WebContext.Role.ADMIN && !found.get().user().name().equals(user.name())) {
            AUDIT.warn("{} ({}) from {}: revoke token {} of {} refused: needs admin", user.name(),
                    roleName(user.role()), remote(ctx), id, found.get().user().name());
            context.problem(ctx, 403, "Forbidden", "token " + id + " is " + found.get().user().name()
                    + "'s: only its user or an admin may revoke it");
            return;
        }
        Optional<TokenStore.Token> revoked = tokens.revoke(id);
        if (revoked.isEmpty()) {
            context.problem(ctx, 404, "Not found", "no live token " + id);
            return;
        }
        context.audit(ctx, "revoked token " + id + " " + revoked.get().name() + " of " + revoked.get().user().name());
        context.json(ctx, 200, TokenView.of(revoked.get()));
    }

    private void metrics(RoutingContext ctx) {
        Optional<MetricsScrape> scrape = services.find(MetricsScrape.class);
        if (scrape.isEmpty()) {
            context.problem(ctx, 503, "Metrics unavailable", "the metrics bundle (nautilus-metrics) is not running");
            return;
        }
        vertx.executeBlocking(() -> scrape.get().scrape(), false).onComplete(done -> {
            if (done.failed()) {
                LOG.error("metrics scrape failed", done.cause());
                context.problem(ctx, 500, "Internal error", "the metrics could not be read");
                return;
            }
            ctx.response().putHeader("Content-Type", MetricsScrape.CONTENT_TYPE).end(done.result());
        });
    }

    private static String cookie(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(SESSION_COOKIE);
        return cookie == null || cookie.getValue().isEmpty() ? null : cookie.getValue();
    }

    private static String remote(RoutingContext ctx) {
        return ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().host();
    }

    /**
     * @param role a role
     * @return its name in JSON: {@code admin}, {@code trader}, {@code viewer}
     */
    public static String roleName(WebContext.Role role) {
        return role.name().toLowerCase(Locale.ROOT);
    }

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        mapper.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
        mapper.configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
        mapper.configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
        SimpleModule time = new SimpleModule("nautilus-time");
        time.addSerializer(Instant.class, ToStringSerializer.instance);
        time.addSerializer(LocalDate.class, ToStringSerializer.instance);
        time.addSerializer(OffsetDateTime.class, ToStringSerializer.instance);
        time.addSerializer(ZonedDateTime.class, ToStringSerializer.instance);
        time.addSerializer(Duration.class, ToStringSerializer.instance);
        mapper.registerModule(time);
        return mapper;
    }

    private static <T> T withVertxClassLoader(java.util.function.Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Vertx.class.getClassLoader());
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static <T> T listenInVertxLoader(Blocking<T> action) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Vertx.class.getClassLoader());
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @FunctionalInterface
    private interface Blocking<T> {
        T get() throws Exception;
    }

    /** {@code POST /api/v1/login}'s body. */
    record LoginRequest(String username, String password) {
    }

    /** {@code POST /api/v1/login}'s answer. */
    record LoginResponse(String user, String role, String csrfToken) {
    }

    /** {@code GET /api/v1/me}'s answer. */
    record MeResponse(String user, String role, String auth, String csrfToken, Instant tokenExpires) {
    }

    /** {@code POST /api/v1/tokens}'s body. */
    record TokenRequest(String name, long ttlSeconds) {
    }

    /** {@code POST /api/v1/tokens}'s answer. */
    record TokenResponse(String id, String token, Instant expires) {
    }

    /** A live token as {@code GET /api/v1/tokens} lists it (never its secret). */
    record TokenView(String id, String name, String user, String role, Instant issued, Instant expires) {

        static TokenView of(TokenStore.Token t) {
            return new TokenView(t.id(), t.name(), t.user().name(), roleName(t.user().role()), t.issued(),
                    t.expires());
        }
    }

    /** What modules get. */
    private final class Context implements WebContext {

        @Override
        public Vertx vertx() {
            return vertx;
        }

        @Override
        public ObjectMapper json() {
            return json;
        }

        @Override
        public <T> Optional<T> service(Class<T> type) {
            return services.find(type);
        }

        @Override
        public User user(RoutingContext ctx) {
            User user = ctx.get(USER_KEY);
            if (user == null) {
                throw new IllegalStateException("no authenticated user on " + ctx.request().path());
            }
            return user;
        }

        @Override
        public boolean requireRole(RoutingContext ctx, Role needed) {
            User user = user(ctx);
            if (user.role().covers(needed)) {
                return true;
            }
            AUDIT.warn("{} ({}) from {}: {} {} refused: needs {}", user.name(), roleName(user.role()), remote(ctx),
                    ctx.request().method(), ctx.request().path(), roleName(needed));
            problem(ctx, 403, "Forbidden", "user " + user.name() + " is " + roleName(user.role()) + "; this needs "
                    + roleName(needed));
            return false;
        }

        @Override
        public void problem(RoutingContext ctx, int status, String title, String detail) {
            if (ctx.response().ended()) {
                return;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", "urn:nautilus:problem:" + slug(title));
            body.put("title", title);
            body.put("status", status);
            body.put("detail", detail);
            body.put("instance", ctx.request().path());
            write(ctx, status, "application/problem+json", body);
        }

        @Override
        public void json(RoutingContext ctx, int status, Object body) {
            write(ctx, status, "application/json", body);
        }

        @Override
        public void audit(RoutingContext ctx, String action) {
            User user = ctx.get(USER_KEY);
            AUDIT.info("{} ({}) from {}: {}", user == null ? "-" : user.name(),
                    user == null ? "-" : roleName(user.role()), remote(ctx), action);
        }

        private void write(RoutingContext ctx, int status, String type, Object body) {
            if (ctx.response().ended()) {
                return;
            }
            byte[] bytes;
            try {
                bytes = json.writeValueAsBytes(body);
            } catch (Exception e) {
                LOG.error("cannot write {} as JSON", body.getClass().getName(), e);
                status = 500;
                type = "application/problem+json";
                bytes = INTERNAL_ERROR;
            }
            ctx.response().setStatusCode(status).putHeader("Content-Type", type)
                    .end(io.vertx.core.buffer.Buffer.buffer(bytes));
        }
    }

    private static String slug(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
