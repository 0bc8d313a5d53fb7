package io.nautilus.venues.camel;

import io.nautilus.api.AccountId;
import io.nautilus.api.ConnectionState;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.OrderFlags;
import io.nautilus.api.Side;
import io.nautilus.api.StrategyId;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.order.CancelOrder;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.ExecutionReportListener;
import io.nautilus.api.order.NewOrder;
import io.nautilus.api.order.ReplaceOrder;
import io.nautilus.api.venue.OrderStatusQuery;
import io.nautilus.api.venue.VenueGateway;
import io.nautilus.api.venue.VenueSession;
import io.nautilus.api.venue.VenueSessionInfo;
import io.nautilus.api.venue.VenueStateListener;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link VenueGateway} whose implementation is a Camel route: the route consuming from
 * {@code nautilus-venue:<venueId>} receives every command as an exchange and sends the venue's answers to
 * {@code nautilus-venue-report:<venueId>}.
 *
 * <h2>Commands</h2>
 * Each send runs one exchange through the route on the caller's thread (the venue layer's thread of this venue),
 * so commands reach the venue one at a time and in order. The body is a {@code Map} (see
 * {@link #HEADER_KIND} and the integrator guide for the fields): ids as decimal text, prices and quantities as
 * decimal text at the instrument's scales. A send returns false, and nothing reaches the route, while the route is
 * not started or when the instrument's scales are unknown; it also returns false when the exchange fails and the
 * route did not handle the failure (the venue layer then refuses the command to the core; a route that knows
 * better handles its errors itself, for example by reporting {@code REJECTED}).
 *
 * <h2>State</h2>
 * {@link ConnectionState#LOGGED_ON} while the route runs, {@link ConnectionState#DOWN} otherwise; the gateway is an
 * OSGi service only while its route runs. {@link #connect()} and {@link #disconnect(String)} start and stop the
 * route.
 *
 * <h2>Reports</h2>
 * The gateway remembers each order it sent (account, strategy, instrument, side, quantity, fills so far) by client
 * order id, so a venue's answer needs only {@code execType} and {@code clientOrderId}; see {@link ReportMapper}.
 * A report is mapped on the thread of the route that sends it to {@code nautilus-venue-report:<venueId>} (a bad one
 * fails that exchange) and delivered to the listener on the gateway's session thread ({@link VenueSession}), in the
 * order the routes handed the reports over, even when a route answers inside a send.
 */
public final class CamelVenueGateway implements VenueGateway {

    /** Header: {@code NEW}, {@code CANCEL}, {@code REPLACE} or {@code STATUS} (also the body's {@code kind}). */
    public static final String HEADER_KIND = "NautilusVenueKind";
    /** Header: the venue id. */
    public static final String HEADER_VENUE = "NautilusVenue";
    /** Header: the command's client order id (decimal text). */
    public static final String HEADER_CLIENT_ORDER_ID = "NautilusClientOrderId";
    /** Header: the order's previous client order id for a cancel or replace (decimal text). */
    public static final String HEADER_ORIG_CLIENT_ORDER_ID = "NautilusOrigClientOrderId";
    /** Header: the platform's instrument id. */
    public static final String HEADER_INSTRUMENT = "NautilusInstrument";
    /** Header: the venue's symbol of the instrument. */
    public static final String HEADER_SYMBOL = "NautilusSymbol";

    private static final Logger LOG = LoggerFactory.getLogger(CamelVenueGateway.class);

    private final VenueId venue;
    private final VenueGateways owner;
    final ReportMapper mapper;

    /** Orders by every client order id they had at the venue. */
    final Map<Long, OrderTrack> orders = new ConcurrentHashMap<>();
    /** Outstanding cancel/replace requests by their client order id. */
    final Map<Long, Request> requests = new ConcurrentHashMap<>();

    private final VenueSession session;
    private final VenueSession.Counter sent;
    private final VenueSession.Counter refused;
    private final VenueSession.Counter failedExchanges;
    private final VenueSession.Counter reports;
    private final VenueSession.Counter badReports;

    private volatile VenueConsumer consumer;
    private Runnable unpublish;

    /** What the gateway knows of one order. */
    static final class OrderTrack {
        final AccountId account;
        final StrategyId strategy;
        final InstrumentId instrument;
        final Side side;
        long quantity;
        long cumulative;
        /** Sum of fill price × quantity, in units of price scale × quantity scale. */
        BigDecimal notional = BigDecimal.ZERO;

        OrderTrack(AccountId account, StrategyId strategy, InstrumentId instrument, Side side, long quantity) {
            this.account = account;
            this.strategy = strategy;
            this.instrument = instrument;
            this.side = side;
            this.quantity = quantity;
        }
    }

    /** A cancel or replace request. */
    record Request(boolean cancel, long origClientOrderId, long quantity) {
    }

    CamelVenueGateway(VenueId venue, VenueGateways owner) {
        this.venue = venue;
        this.owner = owner;
        this.mapper = new ReportMapper(this);
        this.session = VenueSession.builder(venue).logger(CamelVenueGateway.class).build();
        this.sent = session.counter("sent");
        this.refused = session.counter("refused");
        this.failedExchanges = session.counter("failed");
        this.reports = session.counter(VenueSession.REPORTS);
        this.badReports = session.counter("badReports");
    }

    // ------------------------------------------------------------------ route lifecycle

    synchronized void attach(VenueConsumer route) {
        VenueConsumer current = consumer;
        if (current != null && current != route) {
            throw new IllegalStateException("venue " + venue + " already has a running route ("
                    + current.getEndpoint().getEndpointUri() + "); one route per venue consumes from nautilus-venue:"
                    + venue);
        }
        consumer = route;
        try {
            unpublish = owner.publisher().publish(this);
        } catch (RuntimeException e) {
            LOG.warn("venue {}: the gateway could not be published: {}", venue, e.toString());
            unpublish = null;
        }
        session.changeState(ConnectionState.LOGGED_ON, "route " + routeId(route) + " started");
    }

    synchronized void detach(VenueConsumer route) {
        if (consumer != route) {
            return;
        }
        consumer = null;
        session.changeState(ConnectionState.DOWN, "route " + routeId(route) + " stopped");
        withdraw();
    }

    /** The binding goes away: down, no longer published, and its session thread stopped. */
    synchronized void close() {
        consumer = null;
        session.close("Camel venue components removed");
        withdraw();
    }

    private void withdraw() {
        Runnable current = unpublish;
        unpublish = null;
        if (current != null) {
            try {
                current.run();
            } catch (RuntimeException e) {
                LOG.debug("venue {}: withdrawing the gateway: {}", venue, e.toString());
            }
        }
    }

    private static String routeId(VenueConsumer route) {
        return route.getRouteId() == null ? route.getEndpoint().getEndpointUri() : route.getRouteId();
    }

    // ------------------------------------------------------------------ VenueGateway

    @Override
    public VenueId venueId() {
        return venue;
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
    public VenueSessionInfo sessionInfo() {
        VenueConsumer current = consumer;
        String detail = current == null ? "route not running (nautilus-venue:" + venue + ")"
                : "route " + routeId(current) + "; sent " + sent.get() + ", refused " + refused.get()
                + ", failed " + failedExchanges.get() + ", reports " + reports.get() + ", bad reports "
                + badReports.get();
        return session.info(detail, -1, -1);
    }

    @Override
    public void connect() {
        VenueConsumer current = consumer;
        if (current == null) {
            LOG.info("venue {}: connect: start the route consuming from nautilus-venue:{} (nautilus:routes)", venue,
                    venue);
        }
    }

    @Override
    public void disconnect(String reason) {
        VenueConsumer current = consumer;
        if (current != null && current.getRouteId() != null) {
            try {
                current.getEndpoint().getCamelContext().getRouteController().stopRoute(current.getRouteId());
            } catch (Exception e) {
                LOG.warn("venue {}: could not stop route {}: {}", venue, current.getRouteId(), e.toString());
            }
        }
    }

    @Override
    public boolean sendNew(NewOrder order) {
        Optional<Instrument> definition = instrumentFor(order.instrument());
        if (definition.isEmpty()) {
            return false;
        }
        Instrument instrument = definition.get();
        Map<String, Object> body = command("NEW", order.clientOrderId(), 0, order.account(), instrument);
        if (order.strategy() != null) {
            body.put("strategy", order.strategy().value());
        }
        body.put("side", order.side().name());
        body.put("type", order.type().name());
        body.put("timeInForce", order.timeInForce().name());
        if (order.price() != FixedPoint.NULL) {
            body.put("price", instrument.formatPrice(order.price()));
        }
        if (order.stopPrice() != FixedPoint.NULL) {
            body.put("stopPrice", instrument.formatPrice(order.stopPrice()));
        }
        body.put("quantity", instrument.formatQuantity(order.quantity()));
        if (order.displayQuantity() > 0) {
            body.put("displayQuantity", instrument.formatQuantity(order.displayQuantity()));
        }
        body.put("flags", OrderFlags.toString(order.flags()));
        if (order.expireTimeNanos() > 0) {
            body.put("expireTime", Instant.ofEpochSecond(0, order.expireTimeNanos()).toString());
        }
        OrderTrack track = new OrderTrack(order.account(), order.strategy(), order.instrument(), order.side(),
                order.quantity());
        OrderTrack previous = orders.put(order.clientOrderId(), track);
        boolean handed = send(body, instrument);
        if (!handed) {
            if (previous == null) {
                orders.remove(order.clientOrderId(), track);
            } else {
                orders.put(order.clientOrderId(), previous);
            }
        }
        return handed;
    }

    @Override
    public boolean sendCancel(CancelOrder cancel) {
        Optional<Instrument> definition = instrumentFor(cancel.instrument());
        if (definition.isEmpty()) {
            return false;
        }
        Map<String, Object> body = command("CANCEL", cancel.clientOrderId(), cancel.origClientOrderId(),
                cancel.account(), definition.get());
        OrderTrack track = orders.get(cancel.origClientOrderId());
        if (track != null) {
            body.put("side", track.side.name());
        }
        return request(cancel.clientOrderId(), new Request(true, cancel.origClientOrderId(), 0), body,
                definition.get());
    }

    @Override
    public boolean sendReplace(ReplaceOrder replace) {
        Optional<Instrument> definition = instrumentFor(replace.instrument());
        if (definition.isEmpty()) {
            return false;
        }
        Instrument instrument = definition.get();
        Map<String, Object> body = command("REPLACE", replace.clientOrderId(), replace.origClientOrderId(),
                replace.account(), instrument);
        OrderTrack track = orders.get(replace.origClientOrderId());
        if (track != null) {
            body.put("side", track.side.name());
        }
        if (replace.changesPrice()) {
            body.put("price", instrument.formatPrice(replace.price()));
        }
        if (replace.changesQuantity()) {
            body.put("quantity", instrument.formatQuantity(replace.quantity()));
        }
        return request(replace.clientOrderId(), new Request(false, replace.origClientOrderId(), replace.quantity()),
                body, instrument);
    }

    @Override
    public boolean requestStatus(OrderStatusQuery query) {
        Optional<Instrument> definition = instrumentFor(query.instrument());
        if (definition.isEmpty()) {
            return false;
        }
        Map<String, Object> body = command("STATUS", query.clientOrderId(), 0, query.account(), definition.get());
        body.put("side", query.side().name());
        // after a restart the gateway no longer knows the order: the query tells enough to map the answer
        OrderTrack added = new OrderTrack(query.account(), null, query.instrument(), query.side(), 0);
        boolean known = orders.putIfAbsent(query.clientOrderId(), added) != null;
        boolean handed = send(body, definition.get());
        if (!handed && !known) {
            orders.remove(query.clientOrderId(), added);
        }
        return handed;
    }

    private boolean request(long clientOrderId, Request request, Map<String, Object> body, Instrument instrument) {
        requests.put(clientOrderId, request);
        OrderTrack track = orders.get(request.origClientOrderId());
        if (track != null) {
            orders.putIfAbsent(clientOrderId, track);
        }
        boolean handed = send(body, instrument);
        if (!handed) {
            requests.remove(clientOrderId, request);
        }
        return handed;
    }

    private Map<String, Object> command(String kind, long clientOrderId, long origClientOrderId, AccountId account,
                                        Instrument instrument) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("venue", venue.value());
        body.put("clientOrderId", Long.toString(clientOrderId));
        if (origClientOrderId > 0) {
            body.put("origClientOrderId", Long.toString(origClientOrderId));
        }
        body.put("account", account.value());
        body.put("instrument", instrument.id().value());
        body.put("symbol", instrument.symbol());
        return body;
    }

    private Optional<Instrument> instrumentFor(InstrumentId id) {
        Optional<Instrument> instrument = owner.instrument(id);
        if (instrument.isEmpty()) {
            refused.increment();
            String problem = "no definition of instrument " + id + " (its price and quantity scales are unknown)";
            session.problem(problem);
            LOG.warn("venue {}: command refused: {}", venue, problem);
        }
        return instrument;
    }

    private boolean send(Map<String, Object> body, Instrument instrument) {
        VenueConsumer route = consumer;
        if (route == null || session.state() != ConnectionState.LOGGED_ON) {
            refused.increment();
            return false;
        }
        Exchange exchange = route.createExchange(false);
        try {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeader(HEADER_KIND, body.get("kind"));
            exchange.getMessage().setHeader(HEADER_VENUE, venue.value());
            exchange.getMessage().setHeader(HEADER_CLIENT_ORDER_ID, body.get("clientOrderId"));
            if (body.containsKey("origClientOrderId")) {
                exchange.getMessage().setHeader(HEADER_ORIG_CLIENT_ORDER_ID, body.get("origClientOrderId"));
            }
            exchange.getMessage().setHeader(HEADER_INSTRUMENT, instrument.id().value());
            exchange.getMessage().setHeader(HEADER_SYMBOL, instrument.symbol());
            route.getProcessor().process(exchange);
            Exception failure = exchange.getException();
            if (failure != null) {
                failedExchanges.increment();
                session.problem(body.get("kind") + " " + body.get("clientOrderId") + ": " + failure);
                LOG.warn("venue {}: the route failed on {} {}: {}", venue, body.get("kind"),
                        body.get("clientOrderId"), failure.toString());
                return false;
            }
            sent.increment();
            return true;
        } catch (Exception e) {
            failedExchanges.increment();
            session.problem(body.get("kind") + " " + body.get("clientOrderId") + ": " + e);
            LOG.warn("venue {}: the route failed on {} {}: {}", venue, body.get("kind"), body.get("clientOrderId"),
                    e.toString());
            return false;
        } finally {
            route.releaseExchange(exchange, false);
        }
    }

    // ------------------------------------------------------------------ reports

    /**
     * Maps one report message and hands it to the listener on the session thread.
     *
     * @param message the message's fields
     * @return the report mapped
     * @throws BadReportException if the message cannot be mapped (counted)
     */
    ExecutionReport report(Map<?, ?> message) {
        ExecutionReport report;
        try {
            report = mapper.map(message);
        } catch (RuntimeException e) {
            BadReportException bad = e instanceof BadReportException b ? b
                    : new BadReportException("the report could not be mapped: " + e);
            countBadBody(bad.getMessage());
            throw bad;
        }
        session.dispatch(report);
        return report;
    }

    void countBadBody(String error) {
        badReports.increment();
        session.problem("bad report: " + error);
    }

    Optional<Instrument> instrument(InstrumentId id) {
        return owner.instrument(id);
    }

    /** @return commands handed to the route */
    public long sentCount() {
        return sent.get();
    }

    /** @return commands refused (route not running, unknown scales) */
    public long refusedCount() {
        return refused.get();
    }

    /** @return commands whose exchange failed */
    public long failedCount() {
        return failedExchanges.get();
    }

    /** @return reports mapped and handed to the session thread */
    public long reportCount() {
        return reports.get();
    }

    /** @return report messages that could not be mapped */
    public long badReportCount() {
        return badReports.get();
    }

    /** @return the last problem, empty if none */
    public String lastProblem() {
        return session.lastProblem();
    }
}
