package io.nautilus.venues;

import io.nautilus.api.ConnectionState;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.order.CancelOrder;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.Liquidity;
import io.nautilus.api.order.NewOrder;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.api.order.ReplaceOrder;
import io.nautilus.api.venue.OrderStatusQuery;
import io.nautilus.api.venue.VenueGateway;
import io.nautilus.api.venue.VenueSessionInfo;
import io.nautilus.api.venue.VenueStatus;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.api.OrderView;
import io.nautilus.core.api.TradingCoreService;
import io.nautilus.core.api.VenueCommand;
import io.nautilus.core.api.VenueExecutionService;
import io.nautilus.core.api.VenueOrderRouter;
import io.nautilus.core.api.VenueReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The venue layer: carries the trading core's {@link VenueCommand}s to the {@link VenueGateway} of their venue and
 * the venue's execution reports back to the core as {@link VenueReport}s; reconciles a venue's orders after every
 * (re)logon and on request; fails closed (halts trading in the venue's instruments and raises an alert) when a venue's
 * state cannot be trusted.
 *
 * <p>Threads: each venue has one thread of its own that sends its commands and hands its reports to the core, in
 * order, so neither the core's publish thread nor a gateway's session thread ever waits for the other. Reconciliation
 * runs on the caller's thread (a logon runs it on a separate thread) and waits for the venue's answers, bounded.
 *
 * <p>Client order ids at the venue: see {@link VenueClientOrderIds}.
 */
public final class Venues implements VenueOrderRouter {

    private static final Logger LOG = LoggerFactory.getLogger(Venues.class);

    /**
     * @param reconcileTimeoutMillis how long a reconciliation waits for the venue's answers
     * @param failClosed             halt trading in a venue's instruments when it cannot be reconciled
     */
    public record Settings(long reconcileTimeoutMillis, boolean failClosed) {
    }

    private final VenueExecutionService execution;
    private final TradingCoreService core;
    private final Settings settings;
    private final Map<VenueId, Session> sessions = new ConcurrentHashMap<>();

    /**
     * Creates the venue layer.
     *
     * @param execution where venue reports go
     * @param core      order and instrument queries
     * @param settings  the settings
     */
    public Venues(VenueExecutionService execution, TradingCoreService core, Settings settings) {
        this.execution = Objects.requireNonNull(execution, "execution");
        this.core = Objects.requireNonNull(core, "core");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** One venue's gateway and what the layer knows of it. */
    private final class Session {
        final VenueGateway gateway;
        final VenueId venue;
        final ExecutorService thread;
        /** The latest client order id of each order at the venue (after replaces), when not the order id. */
        final Map<Long, Long> current = new ConcurrentHashMap<>();
        /** Requests numbered so far per order. */
        final Map<Long, Integer> requests = new ConcurrentHashMap<>();
        /** Outstanding cancel/replace requests by client order id: true = cancel. */
        final Map<Long, Boolean> pending = new ConcurrentHashMap<>();
        /** Status answers awaited by a reconciliation, by order id. */
        final Map<Long, CompletableFuture<ExecutionReport>> statusWanted = new ConcurrentHashMap<>();
        final AtomicLong sent = new AtomicLong();
        final AtomicLong applied = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        volatile String reconciliation = "never";
        volatile boolean failedClosed;

        Session(VenueGateway gateway) {
            this.gateway = gateway;
            this.venue = gateway.venueId();
            this.thread = Executors.newSingleThreadExecutor(runnable -> {
                Thread t = new Thread(runnable, "nautilus-venue-" + venue.value());
                t.setDaemon(true);
                return t;
            });
        }

        long clientOrderId(long orderId) {
            return current.getOrDefault(orderId, orderId);
        }

        long nextRequest(long orderId) {
            int n = requests.merge(orderId, 1, (a, b) -> a >= VenueClientOrderIds.MAX_REQUESTS ? 1 : a + b);
            return VenueClientOrderIds.request(orderId, n);
        }

        void forget(long orderId) {
            current.remove(orderId);
            requests.remove(orderId);
        }
    }

    // ------------------------------------------------------------------ gateways

    /**
     * A gateway appeared: its reports and state changes are followed from now on.
     *
     * @param gateway the gateway
     */
    public void addGateway(VenueGateway gateway) {
        Session session = new Session(gateway);
        Session previous = sessions.put(session.venue, session);
        if (previous != null) {
            LOG.warn("venue {}: a second gateway replaces the first", session.venue);
            detach(previous);
        }
        gateway.setListener(report -> session.thread.execute(() -> onReport(session, report)));
        gateway.setStateListener((venue, from, to, reason) -> {
            if (from != null && from.isUsable() && !to.isUsable()) {
                LOG.error("ALERT venue {}: {} -> {} ({}); its orders are refused until it logs on again", venue, from,
                        to, reason);
            } else if (to == ConnectionState.DEGRADED) {
                LOG.warn("ALERT venue {}: {} -> {} ({})", venue, from, to, reason);
            } else {
                LOG.info("venue {}: {} -> {} ({})", venue, from, to, reason);
            }
            if (to == ConnectionState.LOGGED_ON && from != ConnectionState.LOGGED_ON) {
                Thread t = new Thread(() -> reconcile(session), "nautilus-venue-reconcile-" + venue.value());
                t.setDaemon(true);
                t.start();
            }
        });
        LOG.info("venue {}: gateway added ({})", session.venue, gateway.state());
    }

    /**
     * A gateway went away.
     *
     * @param gateway the gateway
     */
    public void removeGateway(VenueGateway gateway) {
        Session session = sessions.get(gateway.venueId());
        if (session != null && session.gateway == gateway) {
            sessions.remove(session.venue);
            detach(session);
        }
    }

    private static void detach(Session session) {
        session.gateway.setListener(null);
        session.gateway.setStateListener(null);
        session.thread.shutdown();
    }

    /** Stops every venue thread. */
    public void close() {
        for (Session session : sessions.values()) {
            detach(session);
        }
        sessions.clear();
    }

    // ------------------------------------------------------------------ core -> venue

    @Override
    public void route(VenueCommand command) {
        Session session = sessions.get(command.venue());
        if (session == null) {
            refuse(command, "no gateway for venue " + command.venue());
            return;
        }
        session.thread.execute(() -> send(session, command));
    }

    private void send(Session session, VenueCommand command) {
        VenueGateway gateway = session.gateway;
        if (session.failedClosed && command.kind() != VenueCommand.Kind.CANCEL) {
            refuse(command, "venue " + session.venue + " failed closed (" + session.reconciliation
                    + "); nautilus:venue-reconcile " + session.venue + " lifts it once the venue reconciles");
            return;
        }
        if (!gateway.state().isUsable()) {
            refuse(command, "venue " + session.venue + " is " + gateway.state());
            return;
        }
        long orderId = command.orderId();
        boolean handed;
        try {
            handed = switch (command.kind()) {
                case NEW -> gateway.sendNew(new NewOrder(orderId, command.account(), null, command.instrument(),
                        command.side(), command.type(), command.timeInForce(),
                        command.type().hasLimitPrice() ? command.price() : FixedPoint.NULL,
                        command.type().hasStopPrice() ? command.stopPrice() : FixedPoint.NULL, command.quantity(), 0,
                        command.flags(), command.expireTimeNanos()));
                case CANCEL -> {
                    long id = session.nextRequest(orderId);
                    session.pending.put(id, Boolean.TRUE);
                    yield gateway.sendCancel(new CancelOrder(id, session.clientOrderId(orderId), command.account(),
                            command.instrument()));
                }
                case REPLACE -> {
                    long id = session.nextRequest(orderId);
                    session.pending.put(id, Boolean.FALSE);
                    yield gateway.sendReplace(new ReplaceOrder(id, session.clientOrderId(orderId),
                            command.account(), command.instrument(), command.price(), command.quantity()));
                }
            };
        } catch (RuntimeException e) {
            LOG.warn("venue {}: {} of order {} could not be sent: {}", session.venue, command.kind(), orderId,
                    e.toString());
            handed = false;
        }
        if (handed) {
            session.sent.incrementAndGet();
        } else {
            refuse(command, "venue " + session.venue + " did not take the " + command.kind() + " ("
                    + gateway.state() + ")");
        }
    }

    /** Answers a command the venue never got, so that the core's order does not wait for ever. */
    private void refuse(VenueCommand command, String why) {
        VenueReport.Kind kind = switch (command.kind()) {
            case NEW -> VenueReport.Kind.REJECTED;
            case CANCEL -> VenueReport.Kind.CANCEL_REJECTED;
            case REPLACE -> VenueReport.Kind.REPLACE_REJECTED;
        };
        LOG.warn("{} of order {} refused: {}", command.kind(), command.orderId(), why);
        execution.venueReport(new VenueReport(command.orderId(), kind, 0, 0, false, "venue unavailable: " + why));
    }

    // ------------------------------------------------------------------ venue -> core

    private void onReport(Session session, ExecutionReport report) {
        long orderId = VenueClientOrderIds.orderId(report.clientOrderId());
        if (orderId <= 0) {
            return;
        }
        VenueReport toCore;
        switch (report.execType()) {
            case ORDER_STATUS -> {
                CompletableFuture<ExecutionReport> wanted = session.statusWanted.remove(orderId);
                if (wanted != null) {
                    wanted.complete(report);
                }
                return;
            }
            case NEW -> toCore = new VenueReport(orderId, VenueReport.Kind.ACK, 0, 0, false, report.text());
            case PARTIAL_FILL, FILL -> toCore = new VenueReport(orderId, VenueReport.Kind.FILL, report.lastPrice(),
                    report.lastQuantity(), report.liquidity() == Liquidity.MAKER, "exec " + report.execId());
            case CANCELED -> toCore = new VenueReport(orderId, VenueReport.Kind.CANCELED, 0, 0, false,
                    report.text());
            case EXPIRED -> toCore = new VenueReport(orderId, VenueReport.Kind.EXPIRED, 0, 0, false, report.text());
            case REPLACED -> {
                session.pending.remove(report.clientOrderId());
                session.current.put(orderId, report.clientOrderId());
                toCore = new VenueReport(orderId, VenueReport.Kind.REPLACED, 0,
                        report.leavesQuantity() + report.cumulativeQuantity(), false, report.text());
            }
            case REJECTED -> {
                Boolean cancel = session.pending.remove(report.clientOrderId());
                String text = report.rejectReason().description()
                        + (report.text() == null || report.text().isBlank() ? "" : ": " + report.text());
                if (cancel == null && report.origClientOrderId() == 0) {
                    toCore = new VenueReport(orderId, VenueReport.Kind.REJECTED, 0, 0, false, text);
                } else {
                    toCore = new VenueReport(orderId, Boolean.FALSE.equals(cancel)
                            ? VenueReport.Kind.REPLACE_REJECTED : VenueReport.Kind.CANCEL_REJECTED, 0, 0, false,
                            text);
                }
            }
            case RESTATED -> {
                if (report.status() != OrderStatus.DONE_FOR_DAY) {
                    return;
                }
                toCore = new VenueReport(orderId, VenueReport.Kind.EXPIRED, 0, 0, false, "done for day");
            }
            default -> {
                return; // pending acknowledgements, triggers: nothing changes in the core
            }
        }
        if (report.status().isFinished()) {
            session.forget(orderId);
        }
        apply(session, toCore);
    }

    private CommandResult apply(Session session, VenueReport report) {
        CommandResult result;
        try {
            result = execution.venueReport(report).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            LOG.error("venue {}: the core did not take {}: {}", session.venue, report, e.toString());
            return null;
        }
        if (result.accepted()) {
            session.applied.incrementAndGet();
        } else {
            session.refused.incrementAndGet();
            boolean expected = report.kind() == VenueReport.Kind.CANCEL_REJECTED
                    || report.kind() == VenueReport.Kind.REPLACE_REJECTED;
            if (!expected) {
                LOG.warn("venue {}: the core refused {}: {}", session.venue, report, result.describe());
                if ("matching.venue-overfill".equals(result.rejectDetail())) {
                    failClosed(session, "the venue reported more fills than order " + report.orderId() + " has open");
                }
            }
        }
        return result;
    }

    // ------------------------------------------------------------------ reconciliation

    private String reconcile(Session session) {
        session.reconciliation = "running";
        VenueGateway gateway = session.gateway;
        List<OrderView> working = workingAt(session.venue);
        Map<Long, CompletableFuture<ExecutionReport>> answers = new java.util.LinkedHashMap<>();
        for (OrderView order : working) {
            CompletableFuture<ExecutionReport> answer = new CompletableFuture<>();
            session.statusWanted.put(order.orderId(), answer);
            answers.put(order.orderId(), answer);
            boolean asked;
            try {
                asked = gateway.requestStatus(new OrderStatusQuery(session.clientOrderId(order.orderId()),
                        order.account(), order.instrument(), order.side()));
            } catch (RuntimeException e) {
                asked = false;
            }
            if (!asked) {
                answers.keySet().forEach(session.statusWanted::remove);
                return failClosed(session, "the venue cannot answer an order status request (" + gateway.state()
                        + ")");
            }
        }
        try {
            CompletableFuture.allOf(answers.values().toArray(CompletableFuture[]::new))
                    .get(settings.reconcileTimeoutMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            long missing = answers.values().stream().filter(f -> !f.isDone()).count();
            answers.keySet().forEach(session.statusWanted::remove);
            return failClosed(session, missing + " of " + answers.size() + " order status requests unanswered within "
                    + settings.reconcileTimeoutMillis() + " ms");
        }
        int fills = 0;
        int finished = 0;
        for (OrderView order : working) {
            ExecutionReport venueView = answers.get(order.orderId()).join();
            List<VenueReport> differences = new ArrayList<>();
            String problem = differences(order, venueView, differences);
            if (problem != null) {
                return failClosed(session, "order " + order.orderId() + ": " + problem);
            }
            for (VenueReport difference : differences) {
                CompletableFuture<CommandResult> done = new CompletableFuture<>();
                session.thread.execute(() -> done.complete(apply(session, difference)));
                CommandResult result = done.join();
                if (result == null || !result.accepted()) {
                    return failClosed(session, "order " + order.orderId() + ": the core refused " + difference
                            + (result == null ? "" : ": " + result.describe()));
                }
                if (difference.kind() == VenueReport.Kind.FILL) {
                    fills++;
                } else if (difference.kind() != VenueReport.Kind.ACK) {
                    finished++;
                }
            }
        }
        String outcome = "ok: " + working.size() + " order(s) checked, " + fills + " missed fill(s) applied, "
                + finished + " order(s) finished";
        session.reconciliation = outcome;
        if (session.failedClosed) {
            session.failedClosed = false;
            LOG.warn("venue {}: reconciled again, trading on it resumes", session.venue);
            outcome = outcome + "; trading resumed";
        }
        LOG.info("venue {}: reconciliation {}", session.venue, outcome);
        return "venue " + session.venue + ": reconciliation " + outcome;
    }

    /**
     * What the venue's view of an order says the core missed.
     *
     * @return null when consistent (differences added), else why the two views cannot be reconciled
     */
    static String differences(OrderView core, ExecutionReport venue, List<VenueReport> out) {
        long orderId = core.orderId();
        if (venue.status() == OrderStatus.REJECTED) {
            // the venue does not know the order (never reached it, or forgotten): it is not working there
            out.add(new VenueReport(orderId, VenueReport.Kind.CANCELED, 0, 0, false,
                    "reconciliation: the venue does not know the order"));
            return null;
        }
        long venueCum = venue.cumulativeQuantity();
        long coreCum = core.filledQuantity();
        if (venueCum < coreCum) {
            return "the venue has " + venueCum + " filled, the core " + coreCum;
        }
        if (venueCum > core.quantity()) {
            return "the venue has " + venueCum + " filled of an order of " + core.quantity();
        }
        if (venueCum > coreCum) {
            long missed = venueCum - coreCum;
            long price = venue.averagePrice() > 0 ? venue.averagePrice() : venue.lastPrice();
            if (price <= 0) {
                return "the venue reports " + missed + " missed fill quantity without a price";
            }
            out.add(new VenueReport(orderId, VenueReport.Kind.FILL, price, missed, false,
                    "reconciliation: fill missed while disconnected"));
        }
        boolean filled = venueCum == core.quantity();
        if (!filled) {
            switch (venue.status()) {
                case CANCELED -> out.add(new VenueReport(orderId, VenueReport.Kind.CANCELED, 0, 0, false,
                        "reconciliation: canceled at the venue"));
                case EXPIRED, DONE_FOR_DAY -> out.add(new VenueReport(orderId, VenueReport.Kind.EXPIRED, 0, 0, false,
                        "reconciliation: expired at the venue"));
                case FILLED -> {
                    return "the venue says filled with " + venueCum + " of " + core.quantity();
                }
                default -> {
                    if (out.isEmpty()) {
                        out.add(new VenueReport(orderId, VenueReport.Kind.ACK, 0, 0, false, "reconciliation"));
                    }
                }
            }
        }
        return null;
    }

    private String failClosed(Session session, String why) {
        session.reconciliation = "FAILED: " + why;
        if (settings.failClosed()) {
            session.failedClosed = true;
        }
        LOG.error("ALERT venue {}: cannot trust the venue's state ({}); {}", session.venue, why,
                settings.failClosed() ? "trading on it is stopped: new orders and replaces for it are refused, cancels"
                        + " still go out, until nautilus:venue-reconcile " + session.venue + " succeeds"
                        : "failing closed is off");
        return "venue " + session.venue + ": reconciliation FAILED: " + why
                + (settings.failClosed() ? "; trading on the venue stopped" : "");
    }


    private List<OrderView> workingAt(VenueId venue) {
        return execution.workingAt(venue);
    }

    // ------------------------------------------------------------------ admin

    /**
     * @return every venue with a gateway, by id
     */
    public List<VenueStatus> venues() {
        List<VenueStatus> out = new ArrayList<>();
        for (Session session : sessions.values()) {
            VenueSessionInfo info;
            try {
                info = session.gateway.sessionInfo();
            } catch (RuntimeException e) {
                info = new VenueSessionInfo(session.venue, session.gateway.state(), "", -1, -1, 0, e.toString());
            }
            out.add(new VenueStatus(info, workingAt(session.venue).size(), session.sent.get(),
                    session.applied.get(), session.refused.get(), session.reconciliation, session.failedClosed));
        }
        out.sort(Comparator.comparing(s -> s.session().venue().value()));
        return out;
    }

    /**
     * @param venue a venue id
     * @return the outcome line
     */
    public String connect(String venue) {
        session(venue).gateway.connect();
        return "venue " + venue + ": connecting (reconciliation follows the logon)";
    }

    /**
     * @param venue a venue id
     * @return the outcome line
     */
    public String disconnect(String venue) {
        session(venue).gateway.disconnect("operator request");
        return "venue " + venue + ": disconnecting";
    }

    /**
     * @param venue a venue id
     * @return the outcome line
     */
    public String reconcile(String venue) {
        return reconcile(session(venue));
    }

    private Session session(String venue) {
        if (venue == null || venue.isBlank()) {
            throw new IllegalArgumentException("give a venue id (nautilus:venues lists them)");
        }
        Session session = sessions.get(VenueId.of(venue.trim()));
        if (session == null) {
            throw new IllegalArgumentException("no venue " + venue.trim() + " (nautilus:venues lists them)");
        }
        return session;
    }

    /**
     * @param report a report of a finished order
     * @return whether the status is final
     */
    static boolean finished(ExecutionReport report) {
        return report.status().isFinished() || report.execType() == ExecType.REJECTED;
    }
}
