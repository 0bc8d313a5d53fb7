package io.nautilus.venue.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nautilus.api.AccountId;
import io.nautilus.api.ConnectionState;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.order.CancelOrder;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.ExecutionReportListener;
import io.nautilus.api.order.Liquidity;
import io.nautilus.api.order.NewOrder;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.api.order.RejectReason;
import io.nautilus.api.order.ReplaceOrder;
import io.nautilus.api.venue.OrderStatusQuery;
import io.nautilus.api.venue.VenueGateway;
import io.nautilus.api.venue.VenueSession;
import io.nautilus.api.venue.VenueSessionInfo;
import io.nautilus.api.venue.VenueStateListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link VenueGateway} to a REST/WebSocket broker with Alpaca's trading API: orders, cancels, replaces and status
 * look-ups over REST ({@code /v2/orders}), execution reports from the {@code trade_updates} WebSocket stream.
 *
 * <h2>Transport</h2>
 * The JDK's {@code java.net.http} client carries both REST and the WebSocket: it is maintained with the JDK, needs
 * no extra bundle in Karaf (Camel's http/vertx-websocket components would add routes, endpoints and Vert.x
 * threads for what is two request shapes and one socket) and is tested against a plain local server.
 *
 * <h2>Threads and order</h2>
 * Commands go into a bounded queue and one dispatcher thread sends them one at a time, so a cancel never overtakes
 * its order. Before each request the dispatcher takes a token from a {@link TokenBucket} (the venue's rate limit):
 * a command waits in the queue while there is no token; when the queue is full it is rejected at once with
 * {@link RejectReason#THROTTLED}, and a command that waited longer than {@code queue.max.wait.ms} is rejected
 * {@code THROTTLED} instead of going out late. HTTP 429 empties the bucket until its {@code Retry-After}.
 * Stream events are handled, and reports and state changes reach the listeners, on the gateway's session thread
 * ({@link VenueSession}, named {@code nautilus-venue-rest-<venue>-reports}), in order, never on the caller's thread.
 *
 * <h2>No lost or duplicate orders</h2>
 * The venue client order id {@code <account>-<clientOrderId>} is the idempotency key. When a {@code POST} has no
 * clear answer (timeout, I/O error, 5xx) the order is looked up by that id before anything else; it is resent
 * (once, with the same id, which the venue refuses if it already has one) only if the venue does not have it.
 *
 * <h2>State</h2>
 * {@link ConnectionState#DOWN} without a stream, {@code CONNECTED} while authenticating, {@code LOGGED_ON} once
 * listening to {@code trade_updates}, {@code DEGRADED} while the last REST request failed (5xx, timeout, I/O).
 */
public final class RestVenueGateway implements VenueGateway, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RestVenueGateway.class);

    /**
     * Whether this API version accepts an ORDER_STATUS report with reject reason UNKNOWN_ORDER (as ExecType's
     * Javadoc says); if not, the unknown-order answer carries reject reason NONE and says so in its text.
     */
    static final boolean UNKNOWN_ORDER_STATUS_ALLOWED = probeUnknownOrderStatus();

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final RestVenueSettings settings;
    private final InstrumentDirectory instruments;
    private final Ticker ticker;
    private final ObjectMapper mapper = new ObjectMapper();
    private final AlpacaCodec codec = new AlpacaCodec(mapper);
    private final ExecutorService io;
    private final HttpClient http;
    private final VenueSession session;
    private final ScheduledExecutorService scheduler;
    private final TradeUpdateStream stream;
    private final Thread dispatcher;
    private final BlockingQueue<Command> queue;
    private final TokenBucket bucket;
    private final Map<String, VenueOrder> byVenueClientId = new ConcurrentHashMap<>();
    private final Map<String, VenueOrder> byVenueOrderId = new ConcurrentHashMap<>();
    /** Recently seen stream events (session thread only), so a repeated event is not reported twice. */
    private final Map<String, Boolean> seenEvents = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 10_000;
        }
    };
    private final AtomicLong execIds = new AtomicLong(System.currentTimeMillis() * 1000);

    private final VenueSession.Counter requests;
    private final VenueSession.Counter throttled;
    private final VenueSession.Counter httpFailures;
    private final VenueSession.Counter resends;
    private final VenueSession.Counter streamEvents;
    private final VenueSession.Counter duplicates;
    private final VenueSession.Counter badMessages;
    private final VenueSession.Counter ignored;

    private volatile boolean running = true;

    // the inputs of the connection state, guarded by "this"
    private ConnectionState streamState = ConnectionState.DOWN;
    private boolean httpImpaired;

    /**
     * Creates the gateway; it stays {@link ConnectionState#DOWN} until {@link #connect()}.
     *
     * @param settings    the venue's settings
     * @param instruments where prices and quantities find their scales and symbols
     * @param ticker      the clock of the request throttle ({@link Ticker#SYSTEM} outside tests)
     */
    public RestVenueGateway(RestVenueSettings settings, InstrumentDirectory instruments, Ticker ticker) {
        this.settings = settings;
        this.instruments = instruments;
        this.ticker = ticker;
        String name = "nautilus-venue-rest-" + settings.venue();
        this.io = Executors.newCachedThreadPool(daemon(name + "-io"));
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).executor(io)
                .followRedirects(HttpClient.Redirect.NEVER)
                // HTTP/1.1 keep-alive: requests go one at a time anyway (the dispatcher), and it avoids h2c upgrades
                .version(HttpClient.Version.HTTP_1_1).build();
        this.session = VenueSession.builder(settings.venue()).logger(RestVenueGateway.class)
                .threadName(name + "-reports").build();
        this.requests = session.counter("requests");
        this.throttled = session.counter("throttled");
        this.httpFailures = session.counter("httpFailures");
        this.resends = session.counter("resends");
        this.streamEvents = session.counter("streamEvents");
        this.duplicates = session.counter("duplicates");
        this.badMessages = session.counter("badMessages");
        this.ignored = session.counter("ignored");
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon(name + "-reconnect"));
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.bucket = new TokenBucket(settings.requestsPerSecond(), settings.burst(), ticker.nanoTime());
        this.stream = new TradeUpdateStream(settings, http, mapper, scheduler, session::execute,
                new StreamHandler());
        this.dispatcher = daemon(name + "-orders").newThread(this::dispatch);
        this.dispatcher.start();
    }

    // ------------------------------------------------------------------ VenueGateway

    @Override
    public VenueId venueId() {
        return settings.venue();
    }

    @Override
    public ConnectionState state() {
        return session.state();
    }

    @Override
    public void setListener(ExecutionReportListener listener) {
        session.setListener(listener);
    }

    @Override
    public void setStateListener(VenueStateListener listener) {
        session.setStateListener(listener);
    }

    @Override
    public boolean sendNew(NewOrder order) {
        return enqueue(new Command(order, ticker.nanoTime()));
    }

    @Override
    public boolean sendCancel(CancelOrder cancel) {
        return enqueue(new Command(cancel, ticker.nanoTime()));
    }

    @Override
    public boolean sendReplace(ReplaceOrder replace) {
        return enqueue(new Command(replace, ticker.nanoTime()));
    }

    @Override
    public boolean requestStatus(OrderStatusQuery query) {
        return enqueue(new Command(query, ticker.nanoTime()));
    }

    @Override
    public VenueSessionInfo sessionInfo() {
        return session.info("REST " + settings.baseUri() + ", stream " + settings.streamUri() + ", key id "
                + settings.keyId() + ", queue " + queue.size() + "/" + settings.queueCapacity() + ", " + counters(), -1,
                -1);
    }

    @Override
    public void connect() {
        if (running) {
            stream.start();
        }
    }

    @Override
    public void disconnect(String reason) {
        stream.stop("disconnect: " + reason);
    }

    /** Disconnects, rejects queued commands with {@code VENUE_UNAVAILABLE} and stops the gateway's threads. */
    @Override
    public void close() {
        running = false;
        stream.stop("gateway stopped");
        dispatcher.interrupt();
        try {
            dispatcher.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Command command; (command = queue.poll()) != null; ) {
            refuse(command, RejectReason.VENUE_UNAVAILABLE, "gateway stopped before the command was sent");
        }
        scheduler.shutdownNow();
        session.close("gateway stopped");
        io.shutdownNow();
        LOG.info("venue {}: gateway stopped ({})", settings.venue(), counters());
    }

    /**
     * The gateway's counters, for the session info and tests.
     *
     * @return the counters
     */
    public Counters counters() {
        return new Counters(requests.get(), throttled.get(), httpFailures.get(), resends.get(), streamEvents.get(),
                duplicates.get(), badMessages.get(), ignored.get());
    }

    /**
     * What the gateway has done so far.
     *
     * @param requests     REST requests sent
     * @param throttled    commands rejected THROTTLED (queue full, waited too long, HTTP 429)
     * @param httpFailures REST requests without a usable answer (5xx, timeout, I/O error)
     * @param resends      orders resent after a look-up showed the venue did not have them
     * @param streamEvents trade updates received
     * @param duplicates   trade updates dropped as already reported
     * @param badMessages  stream messages that were not JSON or could not be mapped
     * @param ignored      trade updates for orders the platform did not send, or events with nothing to report
     */
    public record Counters(long requests, long throttled, long httpFailures, long resends, long streamEvents,
                           long duplicates, long badMessages, long ignored) {
    }

    // ------------------------------------------------------------------ queue and dispatcher

    private record Command(Object request, long enqueuedNanos) {
    }

    private boolean enqueue(Command command) {
        if (!running || !session.state().isUsable()) {
            return false;
        }
        if (!queue.offer(command)) {
            throttled.increment();
            refuse(command, RejectReason.THROTTLED, "request queue full (" + settings.queueCapacity()
                    + " waiting for the venue's rate limit of " + settings.requestsPerSecond() + "/s)");
        }
        return true;
    }

    private void dispatch() {
        while (running) {
            try {
                long wait = bucket.nanosUntilToken(ticker.nanoTime());
                if (wait > 0) {
                    ticker.sleepNanos(Math.min(wait, POLL_NANOS));
                    continue;
                }
                Command command = queue.poll(100, TimeUnit.MILLISECONDS);
                if (command == null) {
                    continue;
                }
                long waited = ticker.nanoTime() - command.enqueuedNanos();
                if (waited > settings.maxQueueWait().toNanos()) {
                    throttled.increment();
                    refuse(command, RejectReason.THROTTLED, "waited " + TimeUnit.NANOSECONDS.toMillis(waited)
                            + " ms for the venue's rate limit, more than queue.max.wait.ms "
                            + settings.maxQueueWait().toMillis());
                    continue;
                }
                bucket.tryTake(ticker.nanoTime()); // available: checked above, and only this thread takes tokens
                execute(command);
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
            } catch (RuntimeException e) {
                LOG.error("venue {}: command failed unexpectedly", settings.venue(), e);
            }
        }
    }

    private void execute(Command command) throws InterruptedException {
        Object request = command.request();
        if (request instanceof NewOrder order) {
            executeNew(order);
        } else if (request instanceof CancelOrder cancel) {
            executeCancel(cancel);
        } else if (request instanceof ReplaceOrder replace) {
            executeReplace(replace);
        } else if (request instanceof OrderStatusQuery query) {
            executeStatus(query);
        }
    }

    /** Waits for and takes a token for a follow-up request (look-up, resend) inside a command. */
    private void awaitToken() throws InterruptedException {
        while (!bucket.tryTake(ticker.nanoTime())) {
            ticker.sleepNanos(Math.min(bucket.nanosUntilToken(ticker.nanoTime()), POLL_NANOS));
            if (!running) {
                throw new InterruptedException("gateway stopped");
            }
        }
    }

    // ------------------------------------------------------------------ commands

    private void executeNew(NewOrder order) throws InterruptedException {
        Optional<Instrument> definition = instruments.byId(order.instrument());
        String venueClientId = AlpacaCodec.venueClientId(order.account(), order.clientOrderId());
        VenueOrder vo = new VenueOrder(order.account(), order.strategy(), order.instrument(), order.side(),
                order.clientOrderId(), venueClientId, order.type(), order.timeInForce(), order.quantity(), 0);
        if (definition.isEmpty()) {
            reject(vo, RejectReason.UNKNOWN_INSTRUMENT, "instrument " + order.instrument()
                    + " is not defined, so its venue symbol and decimal scales are unknown");
            return;
        }
        String unsupported = AlpacaCodec.unsupported(order);
        if (unsupported != null) {
            reject(vo, RejectReason.INVALID_ORDER, unsupported);
            return;
        }
        if (byVenueClientId.putIfAbsent(venueClientId, vo) != null) {
            reject(vo, RejectReason.DUPLICATE_CLIENT_ORDER_ID, "client order id " + order.clientOrderId()
                    + " of account " + order.account() + " was already sent to this venue");
            return;
        }
        String body = codec.newOrderBody(order, definition.get(), symbolOf(definition.get()), venueClientId);
        for (int attempt = 0; ; attempt++) {
            String uncertain;
            try {
                Response response = call("POST", "/v2/orders", body);
                if (response.ok()) {
                    learnVenueId(vo, response.json(mapper));
                    return;
                }
                if (response.status() == 422 && attempt > 0) {
                    uncertain = "resend refused (" + response.describe(codec) + ")";
                } else if (response.status() >= 500) {
                    uncertain = response.describe(codec);
                } else {
                    byVenueClientId.remove(venueClientId, vo);
                    reject(vo, rejectReasonOf(response.status(), RequestKind.NEW), response.describe(codec));
                    return;
                }
            } catch (IOException e) {
                uncertain = describe(e);
            }
            // no clear answer: look the order up by its client order id before anything is resent
            Lookup lookup = lookup(venueClientId);
            if (lookup.found()) {
                learnVenueId(vo, lookup.order());
                if (!vo.acknowledged) {
                    emitStatus(vo, lookup.order(), vo.clientOrderId, "order found at the venue after " + uncertain);
                }
                return;
            }
            if (lookup.unknown()) {
                LOG.error("venue {}: order {} of account {}: {} and the venue could not be asked ({}); the order"
                                + " may or may not be at the venue: reconcile it", settings.venue(),
                        order.clientOrderId(), order.account(), uncertain, lookup.problem());
                return;
            }
            if (attempt >= 1) {
                byVenueClientId.remove(venueClientId, vo);
                reject(vo, RejectReason.VENUE_UNAVAILABLE, uncertain + "; not at the venue after a resend");
                return;
            }
            resends.increment();
            LOG.warn("venue {}: order {} of account {}: {}; the venue does not have it, resending with the same"
                    + " client order id", settings.venue(), order.clientOrderId(), order.account(), uncertain);
            awaitToken();
        }
    }

    private void executeCancel(CancelOrder cancel) throws InterruptedException {
        String venueClientId = AlpacaCodec.venueClientId(cancel.account(), cancel.origClientOrderId());
        VenueOrder vo = resolve(venueClientId, cancel.account(), cancel.instrument(), cancel.clientOrderId(),
                cancel.origClientOrderId());
        if (vo == null) {
            return;
        }
        vo.pendingCancelId = cancel.clientOrderId();
        String problem = "";
        for (int attempt = 0; attempt < settings.statusRetries(); attempt++) {
            if (attempt > 0) {
                awaitToken();
            }
            try {
                Response response = call("DELETE", "/v2/orders/" + encode(vo.venueOrderId), null);
                if (response.ok()) {
                    return; // the stream reports pending_cancel / canceled
                }
                if (response.status() < 500) {
                    vo.pendingCancelId = 0;
                    rejectRequest(vo, cancel.clientOrderId(), rejectReasonOf(response.status(), RequestKind.CANCEL),
                            response.describe(codec));
                    return;
                }
                problem = response.describe(codec);
            } catch (IOException e) {
                problem = describe(e); // DELETE is idempotent: asking again is safe
            }
        }
        rejectRequest(vo, cancel.clientOrderId(), RejectReason.VENUE_UNAVAILABLE, problem + " after "
                + settings.statusRetries() + " attempt(s); the cancel may still take effect");
    }

    private void executeReplace(ReplaceOrder replace) throws InterruptedException {
        String venueClientId = AlpacaCodec.venueClientId(replace.account(), replace.origClientOrderId());
        VenueOrder vo = resolve(venueClientId, replace.account(), replace.instrument(), replace.clientOrderId(),
                replace.origClientOrderId());
        if (vo == null) {
            return;
        }
        Optional<Instrument> definition = instruments.byId(vo.instrument);
        if (definition.isEmpty()) {
            rejectRequest(vo, replace.clientOrderId(), RejectReason.UNKNOWN_INSTRUMENT, "instrument "
                    + vo.instrument + " is not defined, so its decimal scales are unknown");
            return;
        }
        if (replace.changesPrice() && vo.type != null && !vo.type.hasLimitPrice()) {
            rejectRequest(vo, replace.clientOrderId(), RejectReason.INVALID_ORDER, "a " + vo.type
                    + " order has no limit price to replace");
            return;
        }
        String newVenueClientId = AlpacaCodec.venueClientId(replace.account(), replace.clientOrderId());
        vo.pendingReplace = replace;
        String body = codec.replaceBody(replace.price(), replace.quantity(), definition.get(), newVenueClientId);
        String uncertain;
        try {
            Response response = call("PATCH", "/v2/orders/" + encode(vo.venueOrderId), body);
            if (response.ok()) {
                replacement(vo, replace).venueOrderId = response.json(mapper).path("id").asText(null);
                indexVenueId(replacement(vo, replace));
                return; // the stream reports replaced
            }
            if (response.status() < 500) {
                vo.pendingReplace = null;
                rejectRequest(vo, replace.clientOrderId(), rejectReasonOf(response.status(), RequestKind.REPLACE),
                        response.describe(codec));
                return;
            }
            uncertain = response.describe(codec);
        } catch (IOException e) {
            uncertain = describe(e);
        }
        Lookup lookup = lookup(newVenueClientId);
        if (lookup.found()) {
            VenueOrder replacement = replacement(vo, replace);
            replacement.venueOrderId = lookup.order().path("id").asText(null);
            indexVenueId(replacement);
        } else if (lookup.unknown()) {
            LOG.error("venue {}: replace {} of order {}: {} and the venue could not be asked ({}); reconcile it",
                    settings.venue(), replace.clientOrderId(), replace.origClientOrderId(), uncertain,
                    lookup.problem());
        } else {
            vo.pendingReplace = null;
            rejectRequest(vo, replace.clientOrderId(), RejectReason.VENUE_UNAVAILABLE, uncertain
                    + "; the venue has no replacement order");
        }
    }

    private void executeStatus(OrderStatusQuery query) throws InterruptedException {
        String venueClientId = AlpacaCodec.venueClientId(query.account(), query.clientOrderId());
        Lookup lookup = lookup(venueClientId);
        VenueOrder known = byVenueClientId.get(venueClientId);
        VenueOrder vo = known != null ? known : new VenueOrder(query.account(), null, query.instrument(),
                query.side(), query.clientOrderId(), venueClientId, null, null, 0, 0);
        if (lookup.found()) {
            if (known == null && instruments.byId(query.instrument()).isPresent()) {
                byVenueClientId.putIfAbsent(venueClientId, vo);
                learnVenueId(vo, lookup.order());
            }
            emitStatus(vo, lookup.order(), query.clientOrderId(), "order status");
        } else if (lookup.absent()) {
            String text = "unknown order: " + lookup.problem();
            emit(vo, query.clientOrderId(), 0, 0, ExecType.ORDER_STATUS, OrderStatus.REJECTED,
                    UNKNOWN_ORDER_STATUS_ALLOWED ? RejectReason.UNKNOWN_ORDER : RejectReason.NONE, CancelReason.NONE,
                    UNKNOWN_ORDER_STATUS_ALLOWED ? text : RejectReason.UNKNOWN_ORDER + ": " + text,
                    FixedPoint.NULL, 0, 0, 0, FixedPoint.NULL, now());
        } else {
            LOG.warn("venue {}: status of order {} of account {} could not be asked: {}", settings.venue(),
                    query.clientOrderId(), query.account(), lookup.problem());
        }
    }

    /** The order a cancel or replace is about; looked up at the venue if the gateway does not know it. */
    private VenueOrder resolve(String venueClientId, AccountId account, InstrumentId instrument, long requestId,
                               long origClientOrderId) throws InterruptedException {
        VenueOrder vo = byVenueClientId.get(venueClientId);
        if (vo != null && vo.venueOrderId != null) {
            return vo;
        }
        Lookup lookup = lookup(venueClientId);
        VenueOrder subject = vo != null ? vo : new VenueOrder(account, null, instrument, Side.BUY,
                origClientOrderId, venueClientId, null, null, 0, 0);
        if (lookup.found()) {
            VenueOrder adopted = vo != null ? vo : adopt(lookup.order());
            if (adopted != null) {
                learnVenueId(adopted, lookup.order());
                return adopted;
            }
            rejectRequest(subject, requestId, RejectReason.UNKNOWN_ORDER, "order " + origClientOrderId
                    + " is at the venue but its symbol does not map to an instrument");
            return null;
        }
        rejectRequest(subject, requestId, lookup.absent() ? RejectReason.UNKNOWN_ORDER
                : RejectReason.VENUE_UNAVAILABLE, (vo == null ? "" : "order not yet at the venue; ")
                + lookup.problem());
        return null;
    }

    private record Lookup(JsonNode order, boolean absent, String problem) {
        boolean found() {
            return order != null;
        }

        boolean unknown() {
            return order == null && !absent;
        }
    }

    /** {@code GET /v2/orders:by_client_order_id}, retried on 5xx, timeouts and 429. */
    private Lookup lookup(String venueClientId) throws InterruptedException {
        String problem = "";
        for (int attempt = 0; attempt < settings.statusRetries(); attempt++) {
            awaitToken();
            try {
                Response response = call("GET", "/v2/orders:by_client_order_id?client_order_id="
                        + encode(venueClientId), null);
                if (response.ok()) {
                    return new Lookup(response.json(mapper), false, "");
                }
                if (response.status() == 404) {
                    return new Lookup(null, true, response.describe(codec));
                }
                problem = response.describe(codec);
                if (response.status() < 500 && response.status() != 429) {
                    break;
                }
            } catch (IOException e) {
                problem = describe(e);
            }
        }
        return new Lookup(null, false, problem);
    }

    private VenueOrder replacement(VenueOrder original, ReplaceOrder replace) {
        String id = AlpacaCodec.venueClientId(replace.account(), replace.clientOrderId());
        return byVenueClientId.computeIfAbsent(id, key -> {
            VenueOrder next = new VenueOrder(original.account, original.strategy, original.instrument,
                    original.side, replace.clientOrderId(), key, original.type, original.timeInForce,
                    replace.changesQuantity() ? replace.quantity() : original.quantity,
                    original.clientOrderId);
            next.cumulativeQuantity = original.cumulativeQuantity;
            next.averagePrice = original.averagePrice;
            next.status = original.status;
            return next;
        });
    }

    private void learnVenueId(VenueOrder vo, JsonNode order) {
        String id = order == null ? null : order.path("id").asText(null);
        if (id != null && vo.venueOrderId == null) {
            vo.venueOrderId = id;
        }
        indexVenueId(vo);
    }

    private void indexVenueId(VenueOrder vo) {
        if (vo.venueOrderId != null) {
            byVenueOrderId.putIfAbsent(vo.venueOrderId, vo);
        }
    }

    /** An order the gateway did not send in this run (e.g. before a restart), from the venue's order object. */
    private VenueOrder adopt(JsonNode order) {
        String venueClientId = order.path("client_order_id").asText("");
        int dash = venueClientId.lastIndexOf('-');
        if (dash <= 0 || dash == venueClientId.length() - 1) {
            return null;
        }
        long clientOrderId;
        AccountId account;
        try {
            clientOrderId = Long.parseLong(venueClientId.substring(dash + 1));
            account = AccountId.of(venueClientId.substring(0, dash));
        } catch (IllegalArgumentException notOurs) {
            return null;
        }
        Optional<Instrument> instrument = instrumentOfSymbol(order.path("symbol").asText(""));
        String side = order.path("side").asText("");
        if (clientOrderId <= 0 || instrument.isEmpty() || !(side.equals("buy") || side.equals("sell"))) {
            return null;
        }
        String replaces = order.path("replaces").asText(null);
        VenueOrder replaced = replaces == null ? null : byVenueOrderId.get(replaces);
        VenueOrder vo = new VenueOrder(account, replaced == null ? null : replaced.strategy, instrument.get().id(),
                side.equals("buy") ? Side.BUY : Side.SELL, clientOrderId, venueClientId,
                AlpacaCodec.orderType(order.path("type").asText(null)),
                AlpacaCodec.timeInForce(order.path("time_in_force").asText(null)),
                AlpacaCodec.quantity(order.get("qty"), instrument.get().quantityScale(), 0),
                replaced == null ? 0 : replaced.clientOrderId);
        VenueOrder existing = byVenueClientId.putIfAbsent(venueClientId, vo);
        return existing != null ? existing : vo;
    }

    // ------------------------------------------------------------------ stream events

    private void onTradeUpdate(JsonNode data) {
        streamEvents.increment();
        String event = data.path("event").asText("");
        JsonNode order = data.path("order");
        String venueClientId = order.path("client_order_id").asText("");
        VenueOrder vo = byVenueClientId.get(venueClientId);
        if (vo == null) {
            vo = adopt(order);
            if (vo == null) {
                ignored.increment();
                LOG.debug("venue {}: trade update {} for order {} not sent by the platform, ignored",
                        settings.venue(), event, venueClientId);
                return;
            }
        }
        String dedupe = event + '|' + order.path("id").asText() + '|' + data.path("execution_id").asText("")
                + '|' + order.path("filled_qty").asText("") + '|' + order.path("updated_at").asText("")
                + '|' + data.path("timestamp").asText("");
        if (seenEvents.put(dedupe, Boolean.TRUE) != null) {
            duplicates.increment();
            return;
        }
        Optional<Instrument> definition = instruments.byId(vo.instrument);
        if (definition.isEmpty()) {
            bad(data.toString(), "instrument " + vo.instrument + " is no longer defined");
            return;
        }
        try {
            apply(vo, event, data, order, definition.get());
        } catch (RuntimeException e) { // NumberFormatException, ArithmeticException, IllegalArgumentException
            bad(data.toString(), e.toString());
        }
    }

    private void apply(VenueOrder vo, String event, JsonNode data, JsonNode order, Instrument instrument) {
        learnVenueId(vo, order);
        int qs = instrument.quantityScale();
        int ps = instrument.priceScale();
        long quantity = AlpacaCodec.quantity(order.get("qty"), qs, vo.quantity);
        long cumulative = AlpacaCodec.quantity(order.get("filled_qty"), qs, vo.cumulativeQuantity);
        long average = cumulative > 0 ? AlpacaCodec.price(order.get("filled_avg_price"), ps) : FixedPoint.NULL;
        if (cumulative > 0 && average == FixedPoint.NULL) {
            average = vo.averagePrice;
        }
        long time = AlpacaCodec.epochNanos(data.get("timestamp"), AlpacaCodec.epochNanos(order.get("updated_at"),
                now()));
        String text = "venue order " + order.path("id").asText("?");
        long orderId = AlpacaCodec.orderIdOf(vo.venueOrderId);
        boolean wasAcknowledged = vo.acknowledged;
        vo.acknowledged = true;
        switch (event) {
            case "pending_new", "new", "accepted" -> {
                if (vo.replacesClientOrderId != 0 || (wasAcknowledged && event.equals("new")
                        && vo.status != OrderStatus.PENDING_NEW)) {
                    ignored.increment(); // a replacement order's own "new": REPLACED already said it
                    return;
                }
                if (event.equals("accepted") && wasAcknowledged) {
                    ignored.increment();
                    return;
                }
                boolean pending = !event.equals("new");
                update(vo, quantity, cumulative, average, pending ? OrderStatus.PENDING_NEW
                        : cumulative > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.NEW);
                emit(vo, vo.clientOrderId, 0, orderId, pending ? ExecType.PENDING_NEW : ExecType.NEW, vo.status,
                        RejectReason.NONE, CancelReason.NONE, text, FixedPoint.NULL, 0, vo.leavesQuantity(),
                        cumulative, average, time);
            }
            case "partial_fill", "fill" -> {
                if (cumulative <= vo.cumulativeQuantity && wasAcknowledged) {
                    duplicates.increment();
                    return;
                }
                long lastQuantity = AlpacaCodec.quantity(data.get("qty"), qs, cumulative - vo.cumulativeQuantity);
                long lastPrice = AlpacaCodec.price(data.get("price"), ps);
                if (lastPrice == FixedPoint.NULL) {
                    lastPrice = average;
                }
                boolean complete = event.equals("fill") || cumulative >= quantity;
                update(vo, quantity, cumulative, average, complete ? OrderStatus.FILLED
                        : OrderStatus.PARTIALLY_FILLED);
                emit(vo, vo.clientOrderId, 0, orderId, complete ? ExecType.FILL : ExecType.PARTIAL_FILL, vo.status,
                        RejectReason.NONE, CancelReason.NONE, text, lastPrice, lastQuantity, vo.leavesQuantity(),
                        cumulative, average, time);
            }
            case "canceled" -> {
                long cancelId = vo.pendingCancelId;
                CancelReason reason = cancelId != 0 ? CancelReason.USER
                        : vo.timeInForce == TimeInForce.IOC ? CancelReason.IOC_REMAINDER
                        : vo.timeInForce == TimeInForce.FOK ? CancelReason.FOK_NOT_FILLED
                        : CancelReason.VENUE;
                vo.pendingCancelId = 0;
                update(vo, quantity, cumulative, average, OrderStatus.CANCELED);
                emit(vo, cancelId != 0 ? cancelId : vo.clientOrderId, cancelId != 0 ? vo.clientOrderId : 0,
                        orderId, ExecType.CANCELED, OrderStatus.CANCELED, RejectReason.NONE, reason, text,
                        FixedPoint.NULL, 0, 0, cumulative, average, time);
            }
            case "expired" -> {
                update(vo, quantity, cumulative, average, OrderStatus.EXPIRED);
                emit(vo, vo.clientOrderId, 0, orderId, ExecType.EXPIRED, OrderStatus.EXPIRED, RejectReason.NONE,
                        CancelReason.EXPIRED, text, FixedPoint.NULL, 0, 0, cumulative, average, time);
            }
            case "done_for_day" -> {
                update(vo, quantity, cumulative, average, OrderStatus.DONE_FOR_DAY);
                emit(vo, vo.clientOrderId, 0, orderId, ExecType.RESTATED, OrderStatus.DONE_FOR_DAY,
                        RejectReason.NONE, CancelReason.NONE, text + " done for day", FixedPoint.NULL, 0, 0,
                        cumulative, average, time);
            }
            case "replaced" -> replaced(vo, order, cumulative, average, time);
            case "rejected" -> {
                if (vo.replacesClientOrderId != 0) {
                    VenueOrder original = byVenueClientId.get(AlpacaCodec.venueClientId(vo.account,
                            vo.replacesClientOrderId));
                    if (original != null) {
                        original.pendingReplace = null;
                        rejectRequest(original, vo.clientOrderId, RejectReason.VENUE_REJECT,
                                "replacement " + text + " rejected by the venue");
                        return;
                    }
                }
                update(vo, quantity, cumulative, average, OrderStatus.REJECTED);
                emit(vo, vo.clientOrderId, 0, orderId, ExecType.REJECTED, OrderStatus.REJECTED,
                        RejectReason.VENUE_REJECT, CancelReason.NONE, text + " rejected by the venue",
                        FixedPoint.NULL, 0, 0, cumulative, average, time);
            }
            case "pending_cancel" -> {
                long cancelId = vo.pendingCancelId;
                update(vo, quantity, cumulative, average, OrderStatus.PENDING_CANCEL);
                emit(vo, cancelId != 0 ? cancelId : vo.clientOrderId, cancelId != 0 ? vo.clientOrderId : 0,
                        orderId, ExecType.PENDING_CANCEL, OrderStatus.PENDING_CANCEL, RejectReason.NONE,
                        CancelReason.NONE, text, FixedPoint.NULL, 0, vo.leavesQuantity(), cumulative, average, time);
            }
            case "pending_replace" -> {
                ReplaceOrder replace = vo.pendingReplace;
                update(vo, quantity, cumulative, average, OrderStatus.PENDING_REPLACE);
                emit(vo, replace != null ? replace.clientOrderId() : vo.clientOrderId,
                        replace != null ? vo.clientOrderId : 0, orderId, ExecType.PENDING_REPLACE,
                        OrderStatus.PENDING_REPLACE, RejectReason.NONE, CancelReason.NONE, text, FixedPoint.NULL, 0,
                        vo.leavesQuantity(), cumulative, average, time);
            }
            case "order_cancel_rejected" -> {
                long cancelId = vo.pendingCancelId;
                vo.pendingCancelId = 0;
                restoreStatus(vo, quantity, cumulative, average);
                rejectRequest(vo, cancelId != 0 ? cancelId : vo.clientOrderId, RejectReason.VENUE_REJECT,
                        "cancel rejected by the venue");
            }
            case "order_replace_rejected" -> {
                ReplaceOrder replace = vo.pendingReplace;
                vo.pendingReplace = null;
                restoreStatus(vo, quantity, cumulative, average);
                rejectRequest(vo, replace != null ? replace.clientOrderId() : vo.clientOrderId,
                        RejectReason.VENUE_REJECT, "replace rejected by the venue");
            }
            default -> {
                ignored.increment();
                LOG.debug("venue {}: trade update event '{}' ignored", settings.venue(), event);
            }
        }
    }

    private void replaced(VenueOrder vo, JsonNode order, long cumulative, long average, long time) {
        ReplaceOrder replace = vo.pendingReplace;
        if (replace == null) {
            ignored.increment();
            LOG.warn("venue {}: order {} was replaced at the venue by {} without a request from the platform",
                    settings.venue(), vo.venueClientId, order.path("replaced_by").asText("?"));
            return;
        }
        vo.pendingReplace = null;
        update(vo, vo.quantity, cumulative, average, OrderStatus.CANCELED);
        VenueOrder next = replacement(vo, replace);
        String newVenueId = order.path("replaced_by").asText(null);
        if (newVenueId != null && next.venueOrderId == null) {
            next.venueOrderId = newVenueId;
        }
        indexVenueId(next);
        if (next.replacedReported) {
            duplicates.increment();
            return;
        }
        next.replacedReported = true;
        next.acknowledged = true;
        next.cumulativeQuantity = Math.max(next.cumulativeQuantity, cumulative);
        next.averagePrice = next.cumulativeQuantity > 0 ? average : FixedPoint.NULL;
        next.status = next.cumulativeQuantity > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.NEW;
        if (next.quantity <= next.cumulativeQuantity) {
            next.status = OrderStatus.FILLED;
        }
        emit(next, next.clientOrderId, vo.clientOrderId, AlpacaCodec.orderIdOf(next.venueOrderId),
                ExecType.REPLACED, next.status, RejectReason.NONE, CancelReason.NONE,
                "venue order " + order.path("id").asText("?") + " replaced by " + newVenueId, FixedPoint.NULL, 0,
                next.leavesQuantity(), next.cumulativeQuantity, next.averagePrice, time);
    }

    private static void update(VenueOrder vo, long quantity, long cumulative, long average, OrderStatus status) {
        vo.quantity = quantity;
        vo.cumulativeQuantity = cumulative;
        vo.averagePrice = cumulative > 0 ? average : FixedPoint.NULL;
        vo.status = status;
    }

    private static void restoreStatus(VenueOrder vo, long quantity, long cumulative, long average) {
        update(vo, quantity, cumulative, average, cumulative > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.NEW);
    }

    private void bad(String message, String problem) {
        badMessages.increment();
        LOG.warn("venue {}: stream message dropped ({}): {}", settings.venue(), problem,
                AlpacaCodec.shorten(message));
    }

    // ------------------------------------------------------------------ reports

    private void emitStatus(VenueOrder vo, JsonNode order, long clientOrderId, String why) {
        Optional<Instrument> definition = instruments.byId(vo.instrument);
        if (definition.isEmpty()) {
            LOG.warn("venue {}: status of order {} not reported: instrument {} is not defined", settings.venue(),
                    clientOrderId, vo.instrument);
            return;
        }
        try {
            int qs = definition.get().quantityScale();
            long quantity = AlpacaCodec.quantity(order.get("qty"), qs, vo.quantity);
            long cumulative = AlpacaCodec.quantity(order.get("filled_qty"), qs, 0);
            long average = cumulative > 0
                    ? AlpacaCodec.price(order.get("filled_avg_price"), definition.get().priceScale())
                    : FixedPoint.NULL;
            String alpacaStatus = order.path("status").asText("");
            OrderStatus status = AlpacaCodec.status(alpacaStatus, cumulative);
            long leaves = status.isFinished() ? 0 : Math.max(0, quantity - cumulative);
            emit(vo, clientOrderId, 0, AlpacaCodec.orderIdOf(order.path("id").asText(null)), ExecType.ORDER_STATUS,
                    status, RejectReason.NONE, CancelReason.NONE, why + ": venue order " + order.path("id").asText("?")
                            + " " + alpacaStatus + ("replaced".equals(alpacaStatus) ? " by "
                            + order.path("replaced_by").asText("?") : ""),
                    FixedPoint.NULL, 0, leaves, cumulative, average,
                    AlpacaCodec.epochNanos(order.get("updated_at"), now()));
        } catch (RuntimeException e) {
            LOG.warn("venue {}: status of order {} could not be mapped: {}", settings.venue(), clientOrderId,
                    e.toString());
        }
    }

    private void reject(VenueOrder vo, RejectReason reason, String text) {
        vo.status = OrderStatus.REJECTED;
        emit(vo, vo.clientOrderId, 0, AlpacaCodec.orderIdOf(vo.venueOrderId), ExecType.REJECTED,
                OrderStatus.REJECTED, reason, CancelReason.NONE, text, FixedPoint.NULL, 0, 0, 0, FixedPoint.NULL,
                now());
    }

    /** A rejected cancel or replace: the order's status is unchanged. */
    private void rejectRequest(VenueOrder vo, long requestId, RejectReason reason, String text) {
        OrderStatus status = vo.acknowledged ? vo.status : OrderStatus.NEW;
        long cumulative = vo.cumulativeQuantity;
        emit(vo, requestId, vo.clientOrderId, AlpacaCodec.orderIdOf(vo.venueOrderId), ExecType.REJECTED, status,
                reason, CancelReason.NONE, text, FixedPoint.NULL, 0, status.isFinished() ? 0 : vo.leavesQuantity(),
                cumulative, cumulative > 0 ? vo.averagePrice : FixedPoint.NULL, now());
    }

    /** A command that never reached the dispatcher's request (queue full, waited too long, stopped). */
    private void refuse(Command command, RejectReason reason, String text) {
        Object request = command.request();
        if (request instanceof NewOrder order) {
            reject(new VenueOrder(order.account(), order.strategy(), order.instrument(), order.side(),
                    order.clientOrderId(), "", order.type(), order.timeInForce(), order.quantity(), 0), reason, text);
        } else if (request instanceof CancelOrder cancel) {
            rejectRequest(known(cancel.account(), cancel.instrument(), cancel.origClientOrderId()),
                    cancel.clientOrderId(), reason, text);
        } else if (request instanceof ReplaceOrder replace) {
            rejectRequest(known(replace.account(), replace.instrument(), replace.origClientOrderId()),
                    replace.clientOrderId(), reason, text);
        } else if (request instanceof OrderStatusQuery query) {
            LOG.warn("venue {}: status request for order {} dropped: {}", settings.venue(), query.clientOrderId(),
                    text);
        }
    }

    private VenueOrder known(AccountId account, InstrumentId instrument, long clientOrderId) {
        String id = AlpacaCodec.venueClientId(account, clientOrderId);
        VenueOrder vo = byVenueClientId.get(id);
        return vo != null ? vo : new VenueOrder(account, null, instrument, Side.BUY, clientOrderId, id, null, null,
                0, 0);
    }

    private void emit(VenueOrder vo, long clientOrderId, long origClientOrderId, long orderId, ExecType execType,
                      OrderStatus status, RejectReason rejectReason, CancelReason cancelReason, String text,
                      long lastPrice, long lastQuantity, long leaves, long cumulative, long average,
                      long transactNanos) {
        ExecutionReport report;
        try {
            report = new ExecutionReport(execIds.incrementAndGet(), clientOrderId, origClientOrderId, orderId,
                    vo.account, vo.strategy, vo.instrument, settings.venue(), vo.side, execType, status,
                    rejectReason, cancelReason, Liquidity.NONE, text,
                    lastPrice, lastQuantity, leaves, cumulative, average, transactNanos, now());
        } catch (IllegalArgumentException e) {
            badMessages.increment();
            LOG.error("venue {}: report for order {} not sent, it would be inconsistent: {}", settings.venue(),
                    clientOrderId, e.getMessage());
            return;
        }
        if (execType == ExecType.REJECTED) {
            LOG.info("venue {}: {} {} of account {} rejected ({}): {}", settings.venue(),
                    origClientOrderId != 0 ? "request" : "order", clientOrderId, vo.account, rejectReason, text);
        }
        session.dispatch(report);
    }

    private static long now() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    // ------------------------------------------------------------------ HTTP

    private record Response(int status, String body, Optional<String> retryAfter) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonNode json(ObjectMapper mapper) throws IOException {
            return body == null || body.isBlank() ? mapper.createObjectNode() : mapper.readTree(body);
        }

        String describe(AlpacaCodec codec) {
            return "HTTP " + status + ": " + codec.errorMessage(body);
        }
    }

    private Response call(String method, String pathAndQuery, String jsonBody) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + pathAndQuery))
                .timeout(settings.requestTimeout())
                .header("APCA-API-KEY-ID", settings.keyId())
                .header("APCA-API-SECRET-KEY", settings.secret())
                .header("Accept", "application/json");
        if (jsonBody != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        requests.increment();
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            httpFailures.increment();
            httpHealth(false, method + " " + pathOnly(pathAndQuery) + ": " + describe(e));
            throw e;
        }
        Response result = new Response(response.statusCode(), response.body(),
                response.headers().firstValue("Retry-After"));
        if (result.status() >= 500) {
            httpFailures.increment();
            httpHealth(false, method + " " + pathOnly(pathAndQuery) + ": " + result.describe(codec));
        } else {
            httpHealth(true, method + " " + pathOnly(pathAndQuery) + ": HTTP " + result.status());
        }
        if (result.status() == 429) {
            long seconds = retryAfterSeconds(result.retryAfter());
            bucket.pauseUntil(ticker.nanoTime() + TimeUnit.SECONDS.toNanos(seconds));
            throttled.increment();
            LOG.warn("venue {}: HTTP 429 on {} {}; no request for {} s (Retry-After)", settings.venue(), method,
                    pathOnly(pathAndQuery), seconds);
        }
        return result;
    }

    private String base() {
        String base = settings.baseUri().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static String pathOnly(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    }

    private static long retryAfterSeconds(Optional<String> header) {
        try {
            return Math.max(1, Math.min(300, Long.parseLong(header.orElse("1").strip())));
        } catch (NumberFormatException httpDate) {
            return 1;
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private String describe(IOException e) {
        if (e instanceof HttpTimeoutException) {
            return "no response within " + settings.requestTimeout().toMillis() + " ms";
        }
        return "I/O error: " + e;
    }

    /** Which request an HTTP error answers. */
    enum RequestKind { NEW, CANCEL, REPLACE }

    /**
     * The reject reason for an HTTP error, by Alpaca's semantics: 403 is insufficient buying power or shares, 422 an
     * invalid request (on a cancel: the order is no longer cancelable), 404 on a cancel or replace an unknown order,
     * 429 the rate limit, 401 and 5xx the venue not usable.
     *
     * @param status the HTTP status, not 2xx
     * @param kind   the request
     * @return the reason
     */
    static RejectReason rejectReasonOf(int status, RequestKind kind) {
        return switch (status) {
            case 403 -> RejectReason.RISK_LIMIT;
            case 400 -> RejectReason.INVALID_ORDER;
            case 422 -> kind == RequestKind.CANCEL ? RejectReason.ORDER_FINISHED : RejectReason.INVALID_ORDER;
            case 404 -> kind == RequestKind.NEW ? RejectReason.VENUE_REJECT : RejectReason.UNKNOWN_ORDER;
            case 429 -> RejectReason.THROTTLED;
            case 401 -> RejectReason.VENUE_UNAVAILABLE;
            default -> status >= 500 ? RejectReason.VENUE_UNAVAILABLE : RejectReason.VENUE_REJECT;
        };
    }

    // ------------------------------------------------------------------ state

    private synchronized void streamState(ConnectionState next, String reason) {
        streamState = next;
        if (next == ConnectionState.DOWN) {
            session.problem(reason);
        }
        recompute(reason);
    }

    private synchronized void httpHealth(boolean healthy, String reason) {
        if (httpImpaired == !healthy) {
            return;
        }
        httpImpaired = !healthy;
        if (!healthy) {
            session.problem(reason);
        }
        recompute(reason);
    }

    /** The state from its two inputs (under the lock); the session tells the listener on its thread. */
    private void recompute(String reason) {
        session.changeState(streamState == ConnectionState.LOGGED_ON && httpImpaired ? ConnectionState.DEGRADED
                : streamState, reason);
    }

    private String symbolOf(Instrument instrument) {
        return settings.symbols().getOrDefault(instrument.id(), instrument.symbol());
    }

    private Optional<Instrument> instrumentOfSymbol(String symbol) {
        for (Map.Entry<InstrumentId, String> entry : settings.symbols().entrySet()) {
            if (entry.getValue().equals(symbol)) {
                return instruments.byId(entry.getKey());
            }
        }
        Instrument fallback = null;
        for (Instrument instrument : instruments.instruments()) {
            if (instrument.symbol().equals(symbol) && !settings.symbols().containsKey(instrument.id())) {
                if (instrument.venue().equals(settings.venue())) {
                    return Optional.of(instrument);
                }
                fallback = fallback == null ? instrument : fallback;
            }
        }
        return Optional.ofNullable(fallback);
    }

    private final class StreamHandler implements TradeUpdateStream.Handler {
        @Override
        public void onStreamState(ConnectionState next, String reason) {
            streamState(next, reason);
        }

        @Override
        public void onTradeUpdate(JsonNode data) {
            RestVenueGateway.this.onTradeUpdate(data);
        }

        @Override
        public void onBadMessage(String summary, String problem) {
            bad(summary, problem);
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicLong n = new AtomicLong();
        return runnable -> {
            Thread thread = new Thread(runnable, name + (name.endsWith("-io") ? "-" + n.incrementAndGet() : ""));
            thread.setDaemon(true);
            return thread;
        };
    }

    private static boolean probeUnknownOrderStatus() {
        try {
            new ExecutionReport(1, 1, 0, 0, AccountId.of("probe"), null, InstrumentId.of("probe"), null, Side.BUY,
                    ExecType.ORDER_STATUS, OrderStatus.REJECTED, RejectReason.UNKNOWN_ORDER, CancelReason.NONE,
                    Liquidity.NONE, null, FixedPoint.NULL, 0, 0, 0, FixedPoint.NULL, 0, 0);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "RestVenueGateway[" + settings + ", " + session.state() + "]";
    }
}
