package io.nautilus.router.internal;

import io.nautilus.api.ConnectionState;
import io.nautilus.api.Side;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.router.api.ChildOrder;
import io.nautilus.router.api.ChildState;
import io.nautilus.router.api.MarketState;
import io.nautilus.router.api.ParentOrder;
import io.nautilus.router.api.ParentOrderState;
import io.nautilus.router.api.RouteExplanation;
import io.nautilus.router.api.RoutingCounts;
import io.nautilus.router.api.RoutingDecision;
import io.nautilus.router.api.RoutingOutcome;
import io.nautilus.router.api.SmartOrderRouter;
import io.nautilus.router.api.VenueFeeSchedule;
import io.nautilus.router.api.VenueScore;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * The smart order router without OSGi: venue registry, scores, splitting, parent/child tracking and explanations.
 * Every public method holds the engine's lock, so state has one writer at a time; an uncontended lock is what the
 * single caller thread pays.
 */
public final class RouterEngine implements SmartOrderRouter {

    private static final RoutingOutcome[] OUTCOMES = RoutingOutcome.values();

    private final LongSupplier clock;
    private final Map<VenueId, VenueStats> venues = new HashMap<>();
    private final Splitter splitter = new Splitter();
    private final LinkedHashMap<Long, ParentTrack> parents = new LinkedHashMap<>();
    private final HashMap<Long, ChildTrack> children = new HashMap<>();
    private final long[] minChildByScale = new long[FixedPoint.MAX_SCALE + 1];
    private final Splitter.ChildIds ids = this::takeChildId;
    private RouterSettings settings;
    private long nextChildId;
    private final long[] decisions = new long[OUTCOMES.length];
    private long ignoredReports;
    private long overfills;

    /**
     * Creates an engine.
     *
     * @param settings     the settings
     * @param clock        nanoseconds since the epoch; injectable for tests
     * @param firstChildId the first client order id given to a child, greater than zero
     */
    public RouterEngine(RouterSettings settings, LongSupplier clock, long firstChildId) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (firstChildId <= 0) {
            throw new IllegalArgumentException("first child id " + firstChildId + " must be greater than zero");
        }
        this.nextChildId = firstChildId;
        settings(settings);
    }

    /**
     * A clock of nanoseconds since the epoch with {@link System#nanoTime()}'s resolution.
     *
     * @return the clock
     */
    public static LongSupplier systemClock() {
        long epochNanos = System.currentTimeMillis() * 1_000_000L;
        long origin = System.nanoTime();
        return () -> epochNanos + (System.nanoTime() - origin);
    }

    /**
     * Replaces the settings; scores and tracked parents are kept.
     *
     * @param settings the new settings
     */
    public synchronized void settings(RouterSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        java.util.Arrays.fill(minChildByScale, -1);
        while (parents.size() > settings.maxTrackedParents()) {
            evictEldest();
        }
    }

    /** @return the settings in force */
    public synchronized RouterSettings settings() {
        return settings;
    }

    /**
     * Adds or replaces a venue in the registry; its history and connection state are kept.
     *
     * @param schedule the venue's fee schedule
     */
    public synchronized void putVenue(VenueFeeSchedule schedule) {
        venues.computeIfAbsent(schedule.venue(), VenueStats::new).fees = schedule;
    }

    /**
     * Removes a venue from the registry (routing stops using it); its history is kept should it come back.
     *
     * @param venue the venue
     */
    public synchronized void removeVenue(VenueId venue) {
        VenueStats s = venues.get(venue);
        if (s != null) {
            s.fees = null;
        }
    }

    /** @return reports ignored because their client order id is not a tracked child */
    public synchronized long ignoredReports() {
        return ignoredReports;
    }

    /** @return fill quantity beyond a child's quantity, which was not counted */
    public synchronized long overfills() {
        return overfills;
    }

    @Override
    public long nowNanos() {
        return clock.getAsLong();
    }

    @Override
    public synchronized RoutingDecision route(ParentOrder parent, MarketState market) {
        Objects.requireNonNull(parent, "parent");
        Instrument instrument = Objects.requireNonNull(market, "market").instrument();
        if (instrument == null || !instrument.id().equals(parent.instrument())) {
            throw new IllegalArgumentException("parent order " + parent.parentOrderId() + " is for "
                    + parent.instrument() + " but the market state is for "
                    + (instrument == null ? "no instrument" : instrument.id()));
        }
        Long key = parent.parentOrderId();
        if (parents.containsKey(key)) {
            throw new IllegalArgumentException("parent order " + parent.parentOrderId() + " is already routed");
        }
        long now = clock.getAsLong();
        DecisionRecord record = splitter.split(parent, market, settings, venues, now, minChild(instrument), ids);
        ParentTrack track = new ParentTrack(record);
        List<ChildOrder> list = record.decision.children();
        for (int i = 0; i < list.size(); i++) {
            ChildOrder c = list.get(i);
            VenueStats stats = venues.get(c.venue());
            if (stats != null) {
                stats.childOrders++;
            }
            ChildTrack ct = new ChildTrack(track, c, stats, now);
            track.children[i] = ct;
            children.put(c.childOrderId(), ct);
        }
        decisions[RoutingOutcome.of(record.decision).ordinal()]++;
        track.open = list.size();
        track.updateStatus();
        parents.put(key, track);
        if (parents.size() > settings.maxTrackedParents()) {
            evictEldest();
        }
        return record.decision;
    }

    private long takeChildId() {
        return nextChildId++;
    }

    private void evictEldest() {
        Iterator<ParentTrack> it = parents.values().iterator();
        ParentTrack eldest = it.next();
        it.remove();
        for (ChildTrack c : eldest.children) {
            children.remove(c.order.childOrderId());
        }
    }

    private long minChild(Instrument instrument) {
        int qs = instrument.quantityScale();
        long configured = minChildByScale[qs];
        if (configured < 0) {
            configured = settings.minChildQuantity().movePointRight(qs).setScale(0, RoundingMode.CEILING)
                    .longValueExact();
            minChildByScale[qs] = configured;
        }
        long lot = instrument.lotSize();
        long min = Math.max(configured, instrument.minQuantity());
        long rem = min % lot;
        return rem == 0 ? min : min + lot - rem;
    }

    @Override
    public synchronized void childSent(long childOrderId, long sendTimeNanos) {
        ChildTrack c = children.get(childOrderId);
        if (c != null && c.ackLatency < 0) {
            c.sendTime = sendTimeNanos;
        }
    }

    @Override
    public synchronized void onExecutionReport(ExecutionReport report) {
        ChildTrack c = children.get(report.clientOrderId());
        if (c == null || c.done) {
            ignoredReports++;
            return;
        }
        ExecType type = report.execType();
        long now = clock.getAsLong();
        long halfLife = settings.halfLifeNanos();
        if (c.ackLatency < 0 && type != ExecType.PENDING_NEW && type != ExecType.ORDER_STATUS) {
            c.ackLatency = Math.max(0, now - c.sendTime);
            if (c.stats != null) {
                c.stats.addLatency(now, halfLife, c.ackLatency / 1e3);
            }
        }
        ParentTrack p = c.parent;
        if (report.isFill()) {
            long q = Math.min(report.lastQuantity(), c.order.quantity() - c.cum);
            if (q < report.lastQuantity()) {
                overfills += report.lastQuantity() - q;
            }
            if (q > 0) {
                long px = report.lastPrice();
                c.cum += q;
                c.pxq.addProduct(px, q);
                p.cum += q;
                p.pxq.addProduct(px, q);
                long arrival = p.record.arrivalPrice;
                if (c.stats != null && arrival != FixedPoint.NULL) {
                    double bps = p.record.parent.side().sign() * (double) (px - arrival) / arrival * 1e4;
                    c.stats.addSlippage(now, halfLife, p.record.parent.side(), q, bps);
                }
            }
        }
        if (type != ExecType.ORDER_STATUS || report.status().isFinished()) {
            c.status = report.status();
        }
        if (report.status().isFinished() || c.cum == c.order.quantity()) {
            c.done = true;
            if (c.cum == c.order.quantity()) {
                c.status = OrderStatus.FILLED;
            }
            p.open--;
            if (c.stats != null) {
                c.stats.addFill(now, halfLife, c.order.quantity(), c.cum);
            }
        }
        p.updateStatus();
    }

    @Override
    public synchronized void onStateChange(VenueId venue, ConnectionState from, ConnectionState to, String reason) {
        venues.computeIfAbsent(venue, VenueStats::new).state = to;
    }

    @Override
    public synchronized ParentOrderState parentState(long parentOrderId) {
        ParentTrack p = parents.get(parentOrderId);
        if (p == null) {
            return null;
        }
        List<ChildState> list = new ArrayList<>(p.children.length);
        for (ChildTrack c : p.children) {
            list.add(new ChildState(c.order.childOrderId(), c.order.venue(), c.order.quantity(), c.order.limitPrice(),
                    c.order.style(), c.cum, c.status, c.ackLatency,
                    c.cum == 0 ? FixedPoint.NULL : c.pxq.divideHalfEven(c.cum)));
        }
        return new ParentOrderState(p.record.parent, p.cum, p.averagePrice(), p.leaves(), p.status, list);
    }

    @Override
    public synchronized RouteExplanation explanation(long parentOrderId) {
        ParentTrack p = parents.get(parentOrderId);
        if (p == null) {
            return null;
        }
        if (p.record.explanation == null) {
            p.record.explanation = Explainer.explain(p.record);
        }
        return p.record.explanation;
    }

    @Override
    public String explain(long parentOrderId) {
        RouteExplanation e = explanation(parentOrderId);
        if (e == null) {
            return "parent order " + parentOrderId + " is not tracked by the router (never routed, or evicted)";
        }
        return String.join(System.lineSeparator(), e.lines());
    }

    @Override
    public synchronized List<VenueFeeSchedule> venues() {
        TreeMap<String, VenueFeeSchedule> sorted = new TreeMap<>();
        for (VenueStats s : venues.values()) {
            if (s.fees != null) {
                sorted.put(s.venue.value(), s.fees);
            }
        }
        return List.copyOf(sorted.values());
    }

    @Override
    public synchronized List<VenueScore> scores() {
        TreeMap<String, VenueScore> sorted = new TreeMap<>();
        long now = clock.getAsLong();
        double[] c = new double[VenueStats.COMPONENTS];
        for (VenueStats s : venues.values()) {
            if (s.fees != null) {
                s.score(now, settings, null, c);
                sorted.put(s.venue.value(), s.toScore(c));
            }
        }
        return List.copyOf(sorted.values());
    }

    @Override
    public synchronized RoutingCounts routingCounts() {
        EnumMap<RoutingOutcome, Long> byOutcome = new EnumMap<>(RoutingOutcome.class);
        for (RoutingOutcome outcome : OUTCOMES) {
            byOutcome.put(outcome, decisions[outcome.ordinal()]);
        }
        TreeMap<String, VenueStats> sorted = new TreeMap<>();
        for (VenueStats s : venues.values()) {
            if (s.fees != null || s.childOrders > 0) {
                sorted.put(s.venue.value(), s);
            }
        }
        LinkedHashMap<VenueId, Long> byVenue = new LinkedHashMap<>();
        for (VenueStats s : sorted.values()) {
            byVenue.put(s.venue, s.childOrders);
        }
        return new RoutingCounts(byOutcome, byVenue);
    }

    /**
     * A venue's score for a side, at the router's clock.
     *
     * @param venue the venue
     * @param side  the side whose slippage counts, or {@code null} for both
     * @return the score, or {@code null} if the router has never heard of the venue
     */
    public synchronized VenueScore score(VenueId venue, Side side) {
        VenueStats s = venues.get(venue);
        if (s == null) {
            return null;
        }
        double[] c = new double[VenueStats.COMPONENTS];
        s.score(clock.getAsLong(), settings, side, c);
        return s.toScore(c);
    }

    /** A routed parent and its children's aggregate. */
    private static final class ParentTrack {
        final DecisionRecord record;
        final ChildTrack[] children;
        final Wide pxq = new Wide();
        long cum;
        int open;
        OrderStatus status = OrderStatus.NEW;

        ParentTrack(DecisionRecord record) {
            this.record = record;
            this.children = new ChildTrack[record.decision.children().size()];
        }

        long averagePrice() {
            return cum == 0 ? FixedPoint.NULL : pxq.divideHalfEven(cum);
        }

        long leaves() {
            return status.isFinished() ? 0 : record.parent.quantity() - cum;
        }

        void updateStatus() {
            if (cum == record.parent.quantity()) {
                status = OrderStatus.FILLED;
            } else if (open == 0) {
                status = OrderStatus.CANCELED;
            } else if (cum > 0) {
                status = OrderStatus.PARTIALLY_FILLED;
            } else {
                status = OrderStatus.NEW;
            }
        }
    }

    /** A child and its fills. */
    private static final class ChildTrack {
        final ParentTrack parent;
        final ChildOrder order;
        final VenueStats stats;
        final Wide pxq = new Wide();
        long sendTime;
        long ackLatency = -1;
        long cum;
        boolean done;
        OrderStatus status = OrderStatus.PENDING_NEW;

        ChildTrack(ParentTrack parent, ChildOrder order, VenueStats stats, long sendTime) {
            this.parent = parent;
            this.order = order;
            this.stats = stats;
            this.sendTime = sendTime;
        }
    }

    static String decimal(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
