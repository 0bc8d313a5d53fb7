package io.nautilus.venues;

import io.nautilus.api.ConnectionState;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.VenueId;
import io.nautilus.api.alert.Alert;
import io.nautilus.api.alert.Severity;
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
import java.util.LinkedHashMap;
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
 * runs on the caller's thread (a logon runs it on a separate thread), one at a time per venue: its status requests go
 * out on the venue's thread (after the commands queued before them) and each answer is compared with the core's
 * order on that thread too, when it arrives: by then every report the venue sent before it (fills resent after a
 * gap, live fills) has been applied, so a fill still arriving is never taken for one missed while disconnected.
 *
 * <p>A fill applies once whichever path brings it: the layer remembers per order the filled quantity the core took
 * from it ({@link VenueOrderLedger}) and applies of a fill only what goes beyond it by the venue's cumulative
 * quantity; a fill seen twice is counted as a duplicate, not refused.
 *
 * <p>Client order ids at the venue: see {@link VenueClientOrderIds}.
 */
public final class Venues implements VenueOrderRouter {

    private static final Logger LOG = LoggerFactory.getLogger(Venues.class);
    /** Orders per venue whose bookings the layer remembers (working and recently finished). */
    static final int LEDGER_LIMIT = 100_000;

    /**
     * @param reconcileTimeoutMillis how long a reconciliation waits for the venue's answers
     * @param failClosed             halt trading in a venue's instruments when it cannot be reconciled
     */
    public record Settings(long reconcileTimeoutMillis, boolean failClosed) {
    }

    private final VenueExecutionService execution;
    private final TradingCoreService core;
    private final Settings settings;
    private final VenueAlerts alerts;
    private final Map<VenueId, Session> sessions = new ConcurrentHashMap<>();

    /**
     * Creates the venue layer without alerts (only its {@code ALERT} log lines).
     *
     * @param execution where venue reports go
     * @param core      order and instrument queries
     * @param settings  the settings
     */
    public Venues(VenueExecutionService execution, TradingCoreService core, Settings settings) {
        this(execution, core, settings, new VenueAlerts());
    }

    /**
     * Creates the venue layer.
     *
     * @param execution where venue reports go
     * @param core      order and instrument queries
     * @param settings  the settings
     * @param alerts    where its alerts go (docs/alerts.md)
     */
    public Venues(VenueExecutionService execution, TradingCoreService core, Settings settings, VenueAlerts alerts) {
        this.execution = Objects.requireNonNull(execution, "execution");
        this.core = Objects.requireNonNull(core, "core");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.alerts = Objects.requireNonNull(alerts, "alerts");
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
        /** Status answers awaited by a reconciliation, by order id: the outcome of comparing each. */
        final Map<Long, CompletableFuture<Check>> statusWanted = new ConcurrentHashMap<>();
        /** What the core took from this venue per order; the venue's thread only. */
        final VenueOrderLedger ledger = new VenueOrderLedger(LEDGER_LIMIT);
        /** Held by the reconciliation running on this venue. */
        final Object reconciling = new Object();
        final AtomicLong sent = new AtomicLong();
        final AtomicLong applied = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        final AtomicLong duplicates = new AtomicLong();
        final AtomicLong failures = new AtomicLong();
        volatile String reconciliation = "never";
        volatile boolean failedClosed;
        /** The session was usable and went down since: its next logon is a reconnect (state listener's thread). */
        boolean wentDown;

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
            String id = session.venue.value();
            if (from != null && from.isUsable() && !to.isUsable()) {
                LOG.error("ALERT venue {}: {} -> {} ({}); its orders are refused until it logs on again", venue, from,
                        to, reason);
                session.wentDown = true;
                alerts.raise("venue-down:" + id, Severity.CRITICAL, id, "venue " + id + " is " + to + " (was " + from
                        + ": " + reason + "); its orders are refused until it logs on again");
            } else if (to == ConnectionState.DEGRADED) {
                LOG.warn("ALERT venue {}: {} -> {} ({})", venue, from, to, reason);
                alerts.raise("venue-degraded:" + id, Severity.WARNING, id, "venue " + id + " is DEGRADED (" + reason
                        + ")");
            } else {
                LOG.info("venue {}: {} -> {} ({})", venue, from, to, reason);
            }
            if (to == ConnectionState.LOGGED_ON) {
                alerts.resolve("venue-down:" + id, "venue " + id + " logged on");
                alerts.resolve("venue-degraded:" + id, "venue " + id + " logged on");
                if (from != ConnectionState.LOGGED_ON && session.wentDown) {
                    session.wentDown = false;
                    alerts.raise("venue-reconnected:" + id, Severity.INFO, id, "venue " + id
                            + " logged on again (" + reason + "); reconciliation follows");
                }
            }
            if (!to.isUsable()) {
                // the answers awaited will not come on this connection: the next logon reconciles again
                session.statusWanted.values().forEach(answer -> answer.complete(Check.SESSION_LOST));
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
        if (command.kind() == VenueCommand.Kind.NEW) {
            session.ledger.put(orderId, 0, false);
        }
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
        if (alerts.active()) {
            String id = command.venue().value();
            Session session = sessions.get(command.venue());
            alerts.raise("venue-reject:" + id + (session != null && session.failedClosed ? ":failed-closed"
                            : ":unavailable"), Severity.WARNING, id, command.kind() + " of order "
                            + command.orderId() + " of account " + command.account().value() + " in "
                            + command.instrument().value() + " refused: " + why,
                    Alert.ACCOUNT, command.account().value(),
                    Alert.INSTRUMENT, command.instrument().value());
        }
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
                CompletableFuture<Check> wanted = session.statusWanted.remove(orderId);
                if (wanted != null) {
                    wanted.complete(check(session, orderId, report));
                }
                return;
            }
            case NEW -> toCore = new VenueReport(orderId, VenueReport.Kind.ACK, 0, 0, false, report.text());
            case PARTIAL_FILL, FILL -> {
                toCore = fill(session, orderId, report);
                if (toCore == null) {
                    return;
                }
            }
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
                    if (alerts.active()) {
                        String id = session.venue.value();
                        alerts.raise("venue-reject:" + id + ":rejected", Severity.WARNING, id, "venue " + id
                                        + " rejected order " + orderId + " of account " + account(report) + " in "
                                        + instrument(report) + ": " + text,
                                Alert.ACCOUNT, account(report), Alert.INSTRUMENT, instrument(report));
                    }
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

    /**
     * The part of a venue fill the core has not booked yet, by the venue's cumulative quantity, or null when the core
     * has all of it (a duplicate: resent after a gap, or booked by reconciliation first).
     */
    private VenueReport fill(Session session, long orderId, ExecutionReport report) {
        long quantity = report.lastQuantity();
        long venueCumulative = report.cumulativeQuantity();
        VenueOrderLedger.Entry entry = entry(session, orderId);
        if (entry != null && venueCumulative > 0) {
            if (venueCumulative <= entry.booked) {
                session.duplicates.incrementAndGet();
                LOG.info("venue {}: fill {} of order {} ({} at {}, cumulative {}) is already applied (the core has {}"
                        + " filled): ignored as a duplicate", session.venue, report.execId(), orderId, quantity,
                        report.lastPrice(), venueCumulative, entry.booked);
                return null;
            }
            if (venueCumulative - entry.booked < quantity) {
                session.duplicates.incrementAndGet();
                LOG.info("venue {}: fill {} of order {}: {} of its {} already applied (cumulative {}, the core has {})",
                        session.venue, report.execId(), orderId, quantity - (venueCumulative - entry.booked),
                        quantity, venueCumulative, entry.booked);
                quantity = venueCumulative - entry.booked;
            }
        }
        return new VenueReport(orderId, VenueReport.Kind.FILL, report.lastPrice(), quantity,
                report.liquidity() == Liquidity.MAKER, "exec " + report.execId());
    }

    /** The ledger's entry of an order, started from the core's order when the ledger does not know it yet. */
    private VenueOrderLedger.Entry entry(Session session, long orderId) {
        VenueOrderLedger.Entry entry = session.ledger.get(orderId);
        if (entry == null) {
            OrderView order = coreOrder(orderId);
            if (order != null) {
                entry = session.ledger.put(orderId, order.filledQuantity(), order.filledQuantity() > 0);
            }
        }
        return entry;
    }

    private OrderView coreOrder(long orderId) {
        return core.order(orderId).orElse(null);
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
            VenueOrderLedger.Entry entry = session.ledger.get(report.orderId());
            if (entry != null) {
                switch (report.kind()) {
                    case FILL -> {
                        entry.booked += report.quantity();
                        entry.acked = true;
                    }
                    case ACK, REPLACED -> entry.acked = true;
                    default -> {
                    }
                }
            }
        } else {
            session.refused.incrementAndGet();
            boolean expected = report.kind() == VenueReport.Kind.CANCEL_REJECTED
                    || report.kind() == VenueReport.Kind.REPLACE_REJECTED;
            if (!expected) {
                LOG.warn("venue {}: the core refused {}: {}", session.venue, report, result.describe());
                String id = session.venue.value();
                alerts.raise("venue-reject:" + id + ":report-refused", Severity.WARNING, id, "the core refused a "
                        + report.kind() + " report of order " + report.orderId() + " from venue " + id + ": "
                        + result.describe() + " (" + session.refused.get() + " refused since start)");
                if ("matching.venue-overfill".equals(result.rejectDetail())) {
                    failClosed(session, "the venue reported more fills than order " + report.orderId() + " has open");
                }
            }
        }
        return result;
    }

    // ------------------------------------------------------------------ reconciliation

    /**
     * What comparing one order with the venue's status answer found (the differences are applied by then).
     *
     * @param fills       missed fills applied
     * @param finished    orders finished
     * @param problem     a real difference the layer cannot resolve, or null
     * @param sessionLost the session went down before the answer came
     */
    record Check(int fills, int finished, String problem, boolean sessionLost) {

        static final Check SESSION_LOST = new Check(0, 0, null, true);

        static Check problem(String why) {
            return new Check(0, 0, why, false);
        }
    }

    private String reconcile(Session session) {
        synchronized (session.reconciling) {
            return reconcileNow(session);
        }
    }

    private String reconcileNow(Session session) {
        VenueGateway gateway = session.gateway;
        if (!gateway.state().isUsable()) {
            String outcome = "not run: the venue is " + gateway.state() + "; the next logon reconciles";
            LOG.warn("venue {}: reconciliation {}", session.venue, outcome);
            return "venue " + session.venue + ": reconciliation " + outcome;
        }
        session.reconciliation = "running";
        List<OrderView> working = workingAt(session.venue);
        Map<Long, CompletableFuture<Check>> answers = new LinkedHashMap<>();
        for (OrderView order : working) {
            CompletableFuture<Check> answer = new CompletableFuture<>();
            session.statusWanted.put(order.orderId(), answer);
            answers.put(order.orderId(), answer);
        }
        if (!gateway.state().isUsable()) {
            answers.values().forEach(answer -> answer.complete(Check.SESSION_LOST));
        }
        // on the venue's thread: after the commands queued before, so an order's NEW goes out before its status request
        session.thread.execute(() -> {
            for (OrderView order : working) {
                CompletableFuture<Check> answer = answers.get(order.orderId());
                if (answer.isDone()) {
                    continue;
                }
                boolean asked;
                try {
                    asked = gateway.requestStatus(new OrderStatusQuery(session.clientOrderId(order.orderId()),
                            order.account(), order.instrument(), order.side()));
                } catch (RuntimeException e) {
                    LOG.warn("venue {}: status request of order {} failed: {}", session.venue, order.orderId(),
                            e.toString());
                    asked = false;
                }
                if (!asked) {
                    session.statusWanted.remove(order.orderId(), answer);
                    answer.complete(gateway.state().isUsable() ? Check.problem("the venue cannot answer an order"
                            + " status request (" + gateway.state() + ")") : Check.SESSION_LOST);
                }
            }
        });
        try {
            CompletableFuture.allOf(answers.values().toArray(CompletableFuture[]::new))
                    .get(settings.reconcileTimeoutMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answers.forEach(session.statusWanted::remove);
            return "interrupted";
        } catch (Exception e) {
            LOG.debug("venue {}: reconciliation wait ended: {}", session.venue, e.toString());
        }
        answers.forEach(session.statusWanted::remove);
        int fills = 0;
        int finished = 0;
        int unanswered = 0;
        boolean lost = false;
        List<String> problems = new ArrayList<>();
        for (Map.Entry<Long, CompletableFuture<Check>> answer : answers.entrySet()) {
            Check check = answer.getValue().getNow(null);
            if (check == null) {
                unanswered++;
                continue;
            }
            lost |= check.sessionLost();
            fills += check.fills();
            finished += check.finished();
            if (check.problem() != null) {
                problems.add("order " + answer.getKey() + ": " + check.problem());
            }
        }
        if (lost) {
            String outcome = "interrupted: the session went down (" + gateway.state() + "); " + fills
                    + " missed fill(s) applied, " + finished + " order(s) finished so far; the next logon reconciles"
                    + " again";
            session.reconciliation = outcome;
            LOG.warn("venue {}: reconciliation {}", session.venue, outcome);
            return "venue " + session.venue + ": reconciliation " + outcome;
        }
        if (unanswered > 0) {
            problems.add(0, unanswered + " of " + answers.size() + " order status requests unanswered within "
                    + settings.reconcileTimeoutMillis() + " ms");
        }
        if (!problems.isEmpty()) {
            return failClosed(session, String.join("; ", problems));
        }
        String outcome = "ok: " + working.size() + " order(s) checked, " + fills + " missed fill(s) applied, "
                + finished + " order(s) finished";
        session.reconciliation = outcome;
        String id = session.venue.value();
        boolean resumed = session.failedClosed;
        if (session.failedClosed) {
            session.failedClosed = false;
            LOG.warn("venue {}: reconciled again, trading on it resumes", session.venue);
            outcome = outcome + "; trading resumed";
        }
        alerts.resolve("venue-failed-closed:" + id, "venue " + id + " reconciled: " + outcome);
        if (resumed || fills > 0 || finished > 0) {
            alerts.raise("venue-reconciled:" + id, Severity.INFO, id, "venue " + id + ": reconciliation " + outcome);
        }
        LOG.info("venue {}: reconciliation {}", session.venue, outcome);
        return "venue " + session.venue + ": reconciliation " + outcome;
    }

    /**
     * Compares the venue's status answer for an order with the core's order as it is now and applies what the core
     * missed; on the venue's thread, so every report the venue sent before the answer has been applied.
     */
    private Check check(Session session, long orderId, ExecutionReport venueView) {
        OrderView order = coreOrder(orderId);
        VenueOrderLedger.Entry entry = session.ledger.get(orderId);
        if (order == null) {
            return finishedInTheCore(entry, venueView);
        }
        if (entry == null) {
            entry = session.ledger.put(orderId, order.filledQuantity(), order.filledQuantity() > 0);
        }
        entry.booked = order.filledQuantity();
        List<VenueReport> differences = new ArrayList<>();
        String problem = differences(order, entry.acked, venueView, differences);
        if (problem != null) {
            return Check.problem(problem);
        }
        int fills = 0;
        int finished = 0;
        for (VenueReport difference : differences) {
            CommandResult result = apply(session, difference);
            if (result == null || !result.accepted()) {
                return new Check(fills, finished, "the core refused " + difference
                        + (result == null ? "" : ": " + result.describe()), false);
            }
            if (difference.kind() == VenueReport.Kind.FILL) {
                fills++;
            } else if (difference.kind() != VenueReport.Kind.ACK) {
                finished++;
            }
        }
        if (venueView.status().isFinished() || venueView.status() == OrderStatus.REJECTED) {
            session.forget(orderId);
        }
        return new Check(fills, finished, null, false);
    }

    /**
     * An order the core finished between the reconciliation's list and the venue's answer, through a report the venue
     * sent before the answer: consistent unless the venue has filled a different quantity or still works it.
     */
    private static Check finishedInTheCore(VenueOrderLedger.Entry entry, ExecutionReport venue) {
        if (venue.status() == OrderStatus.REJECTED) {
            return new Check(0, 0, entry != null && entry.booked > 0 ? "the venue does not know the order, the core"
                    + " filled " + entry.booked + " of it" : null, false);
        }
        if (entry != null && venue.cumulativeQuantity() != entry.booked) {
            return Check.problem("the venue has " + venue.cumulativeQuantity() + " filled, the core finished the order"
                    + " with " + entry.booked);
        }
        if (!venue.status().isFinished()) {
            return Check.problem("the venue still works the order (" + venue.status() + "), the core has finished it");
        }
        return new Check(0, 0, null, false);
    }

    /**
     * What the venue's view of an order says the core missed.
     *
     * @param core  the core's order now
     * @param acked whether the venue acknowledged the order (an ack, fill or replace came from it)
     * @param venue the venue's status answer
     * @param out   receives the reports that bring the core to the venue's view
     * @return null when consistent (differences added), else why the two views cannot be reconciled
     */
    static String differences(OrderView core, boolean acked, ExecutionReport venue, List<VenueReport> out) {
        long orderId = core.orderId();
        if (venue.status() == OrderStatus.REJECTED) {
            String why = venue.text() == null || venue.text().isBlank() ? "unknown order" : venue.text();
            if (core.filledQuantity() > 0) {
                return "the venue does not know the order (" + why + "), the core has " + core.filledQuantity()
                        + " filled";
            }
            // never reached the venue (sent as the connection dropped): it is not working there
            out.add(acked
                    ? new VenueReport(orderId, VenueReport.Kind.CANCELED, 0, 0, false,
                            "reconciliation: the venue no longer knows the order it acknowledged (" + why + ")")
                    : new VenueReport(orderId, VenueReport.Kind.REJECTED, 0, 0, false,
                            "reconciliation: the venue does not know the order (" + why + ")"));
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
        session.failures.incrementAndGet();
        if (settings.failClosed()) {
            session.failedClosed = true;
        }
        String consequence = settings.failClosed() ? "trading on it is stopped: new orders and replaces for it are"
                + " refused, cancels still go out, until nautilus:venue-reconcile " + session.venue + " succeeds"
                : "failing closed is off";
        LOG.error("ALERT venue {}: cannot trust the venue's state ({}); {}", session.venue, why, consequence);
        String id = session.venue.value();
        alerts.raise("venue-failed-closed:" + id, settings.failClosed() ? Severity.CRITICAL : Severity.WARNING, id,
                "venue " + id + ": cannot trust the venue's state (" + why + "); " + consequence);
        return "venue " + session.venue + ": reconciliation FAILED: " + why
                + (settings.failClosed() ? "; trading on the venue stopped" : "");
    }


    private static String account(ExecutionReport report) {
        return report.account() == null ? null : report.account().value();
    }

    private static String instrument(ExecutionReport report) {
        return report.instrument() == null ? null : report.instrument().value();
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
                    session.applied.get(), session.refused.get(), session.reconciliation, session.failedClosed,
                    session.duplicates.get(), session.failures.get()));
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
     * Reconciles a venue now (an operator's request).
     *
     * @param venue a venue id
     * @return the outcome line ({@code ... reconciliation ok: ...} or {@code ... reconciliation FAILED: ...})
     * @throws IllegalStateException when the venue's session is not usable, or went down before the answers came
     */
    public String reconcile(String venue) {
        Session session = session(venue);
        ConnectionState state = session.gateway.state();
        if (!state.isUsable()) {
            throw new IllegalStateException("venue " + session.venue + " is " + state + ": nothing to reconcile with"
                    + " now; its next logon reconciles (nautilus:venue-connect " + session.venue + ")");
        }
        String outcome = reconcile(session);
        if (outcome.contains("reconciliation interrupted") || outcome.contains("reconciliation not run")) {
            throw new IllegalStateException(outcome);
        }
        return outcome;
    }

    /**
     * How often a venue's state could not be trusted since the layer started (each time it failed closed, or would
     * have with failing closed off), for diagnostics and tests.
     *
     * @param venue a venue id
     * @return the count
     */
    public long failures(String venue) {
        return session(venue).failures.get();
    }

    /**
     * Venue fills (or parts of them) the core already had when they arrived (resent after a gap, or booked by
     * reconciliation first) and that were therefore not applied again, since the layer started.
     *
     * @param venue a venue id
     * @return the count
     */
    public long duplicateFills(String venue) {
        return session(venue).duplicates.get();
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
