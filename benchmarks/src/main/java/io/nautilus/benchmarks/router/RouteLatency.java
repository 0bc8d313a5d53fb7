package io.nautilus.benchmarks.router;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.Liquidity;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.api.order.RejectReason;
import io.nautilus.router.api.ChildOrder;
import io.nautilus.router.api.ExecutionStyle;
import io.nautilus.router.api.FeeModel;
import io.nautilus.router.api.MarketState;
import io.nautilus.router.api.ParentOrder;
import io.nautilus.router.api.RemainderPolicy;
import io.nautilus.router.api.RoutingDecision;
import io.nautilus.router.api.VenueFeeSchedule;
import io.nautilus.router.internal.RouterEngine;
import io.nautilus.router.internal.RouterSettings;
import org.HdrHistogram.Histogram;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Routing decision latency of the smart order router ({@link RouterEngine#route}) on one thread, in two modes:
 * <ul>
 *   <li>paced: route call k is due at {@code start + k / rate}; a late call goes at once, and its latency is the
 *       time it returned minus the time it was due, into an HdrHistogram: coordinated-omission-correct (a stall
 *       counts for every call it held up). The service time (return minus call) is recorded beside it;</li>
 *   <li>flat: calls back to back, each timed; reports decisions per second and the per-call distribution.</li>
 * </ul>
 * The market: {@code --venues} venues (3 to 5 typical) with {@code --levels} price levels per side, drawn from a seed
 * into 1024 pre-built market states; parents are buys and sells of 1 to 2000 (lot 1), a quarter passive, half with a
 * limit within the book, the rest market orders, with both remainder policies. After every fourth decision its
 * first child is acknowledged and filled (not timed), so venue scores move. Warm-up: 200 000 unrecorded calls
 * flat out, then {@code --warmup-seconds} paced and unrecorded. Prints human-readable lines, then one JSON line.
 */
public final class RouteLatency {

    private static final String USAGE = """
            Usage: RouteLatency [--mode paced|flat] [--rate R] [--seconds S] [--warmup-seconds S] [--calls N]
                                [--venues V] [--levels L] [--tracked N] [--seed N]
              --mode            paced (fixed rate, coordinated-omission-correct; default) or flat (back to back)
              --rate            paced calls per second (default 20000)
              --seconds         paced: measured seconds (default 5)
              --warmup-seconds  paced: unrecorded seconds at the rate first (default 2)
              --calls           flat: measured calls (default 1000000)
              --venues          venues in the market state, 1 to 16 (default 4)
              --levels          price levels per venue and side, 1 to 20 (default 5)
              --tracked         parents the router keeps for tracking and explain (max.tracked.parents,
                                default 10000); its live set is what young GCs copy
              --seed            market and order generator seed (default 42)
            """;

    private static final InstrumentId INSTRUMENT = InstrumentId.of("BENCH-ACME");
    private static final int MARKETS = 1024;
    private static final long MID = 1_000_000; // 100.0000 at price scale 4

    private final String mode;
    private final long rate;
    private final int seconds;
    private final int warmupSeconds;
    private final long calls;
    private final int venues;
    private final int levels;
    private final long seed;
    private final int tracked;

    private final MarketState[] markets = new MarketState[MARKETS];
    private final long[] qty = new long[4096];
    private final long[] limitOffset = new long[4096];
    private final byte[] flags = new byte[4096];
    private RouterEngine router;
    private long parentId;
    private long execId;
    private long children;
    private long unallocated;
    private final AccountId account = AccountId.of("bench");

    private RouteLatency(String[] args) {
        String m = "paced";
        long r = 20_000;
        int s = 5;
        int w = 2;
        long c = 1_000_000;
        int v = 4;
        int l = 5;
        long sd = 42;
        int t = 10_000;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                throw new IllegalArgumentException(a + " needs a value");
            }
            i++;
            switch (a) {
                case "--mode" -> m = value;
                case "--rate" -> r = Long.parseLong(value);
                case "--seconds" -> s = Integer.parseInt(value);
                case "--warmup-seconds" -> w = Integer.parseInt(value);
                case "--calls" -> c = Long.parseLong(value);
                case "--venues" -> v = Integer.parseInt(value);
                case "--levels" -> l = Integer.parseInt(value);
                case "--seed" -> sd = Long.parseLong(value);
                case "--tracked" -> t = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (!m.equals("paced") && !m.equals("flat")) {
            throw new IllegalArgumentException("--mode " + m + " is not paced or flat");
        }
        if (r < 1 || s < 1 || w < 0 || c < 1 || v < 1 || v > 16 || l < 1 || l > 20 || t < 1) {
            throw new IllegalArgumentException("an option is out of range");
        }
        mode = m;
        rate = r;
        seconds = s;
        warmupSeconds = w;
        calls = c;
        venues = v;
        levels = l;
        seed = sd;
        tracked = t;
    }

    /**
     * Entry point.
     *
     * @param args see the usage ({@code --help})
     */
    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(USAGE);
            return;
        }
        RouteLatency bench;
        try {
            bench = new RouteLatency(args);
        } catch (IllegalArgumentException e) {
            System.err.println("RouteLatency: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        bench.run();
    }

    private void setup() {
        Random rnd = new Random(seed);
        RouterSettings defaults = RouterSettings.defaults();
        RouterSettings settings = new RouterSettings(defaults.halfLifeNanos(), defaults.impactModel(),
                defaults.impactCoefficient(), defaults.maxChildren(), defaults.minChildQuantity(),
                defaults.weightFill(), defaults.weightSlippage(), defaults.weightLatency(),
                defaults.slippageScaleBps(), defaults.latencyReferenceMicros(), defaults.priorWeight(),
                defaults.priorFillRate(), tracked);
        router = new RouterEngine(settings, RouterEngine.systemClock(), 1);
        Instrument instrument = new Instrument(INSTRUMENT, "ACME", VenueId.of("CONSOLIDATED"), 1, 1, 1, 4, 0, "USD");
        VenueId[] ids = new VenueId[venues];
        for (int v = 0; v < venues; v++) {
            ids[v] = VenueId.of("V" + v);
            router.putVenue(v % 2 == 0
                    ? VenueFeeSchedule.parse(ids[v], FeeModel.PER_UNIT, "-0.002" + v, "0.003" + v, true)
                    : VenueFeeSchedule.parse(ids[v], FeeModel.BPS, "-0." + v, "0.3" + v, true));
        }
        for (int k = 0; k < MARKETS; k++) {
            MarketState m = new MarketState(venues, levels).reset(instrument, 50 + rnd.nextInt(250));
            for (int v = 0; v < venues; v++) {
                int i = m.addVenue(ids[v], 100_000 + rnd.nextInt(5_000_000));
                long ask = MID + 1 + rnd.nextInt(3);
                long bid = MID - 1 - rnd.nextInt(3);
                for (int l = 0; l < levels; l++) {
                    m.addLevel(i, Side.SELL, ask, 1 + rnd.nextInt(500));
                    m.addLevel(i, Side.BUY, bid, 1 + rnd.nextInt(500));
                    ask += 1 + rnd.nextInt(2);
                    bid -= 1 + rnd.nextInt(2);
                }
            }
            markets[k] = m;
        }
        for (int i = 0; i < qty.length; i++) {
            qty[i] = 1 + rnd.nextInt(2000);
            limitOffset[i] = rnd.nextInt(2) == 0 ? FixedPoint.NULL : rnd.nextInt(2 * levels + 2);
            flags[i] = (byte) rnd.nextInt(16);
        }
    }

    private ParentOrder nextParent() {
        long id = ++parentId;
        int i = (int) (id & (qty.length - 1));
        int f = flags[i];
        Side side = (f & 1) == 0 ? Side.BUY : Side.SELL;
        ExecutionStyle style = (f & 6) == 0 ? ExecutionStyle.PASSIVE : ExecutionStyle.MARKETABLE;
        RemainderPolicy remainder = (f & 8) == 0 ? RemainderPolicy.PASSIVE_AT_BEST_VENUE : RemainderPolicy.UNALLOCATED;
        long limit = limitOffset[i] == FixedPoint.NULL ? FixedPoint.NULL
                : side == Side.BUY ? MID + limitOffset[i] : MID - limitOffset[i];
        return new ParentOrder(id, INSTRUMENT, side, qty[i], limit, style, FixedPoint.NULL, remainder);
    }

    private MarketState market(long id) {
        return markets[(int) (id % MARKETS)];
    }

    /** Acks and fills the first child of every fourth decision, so scores have history; not timed. */
    private void feedBack(RoutingDecision d) {
        children += d.children().size();
        unallocated += d.unallocatedQuantity() > 0 ? 1 : 0;
        if ((d.parentOrderId() & 3) != 0 || d.children().isEmpty()) {
            return;
        }
        ChildOrder c = d.children().get(0);
        router.onExecutionReport(new ExecutionReport(++execId, c.childOrderId(), 0, 0, account, null, INSTRUMENT,
                c.venue(), c.side(), ExecType.NEW, OrderStatus.NEW, RejectReason.NONE, CancelReason.NONE,
                Liquidity.NONE, null, FixedPoint.NULL, 0, c.quantity(), 0, FixedPoint.NULL, 1, 1));
        router.onExecutionReport(new ExecutionReport(++execId, c.childOrderId(), 0, 0, account, null, INSTRUMENT,
                c.venue(), c.side(), ExecType.FILL, OrderStatus.FILLED, RejectReason.NONE, CancelReason.NONE,
                Liquidity.TAKER, null, c.limitPrice(), c.quantity(), 0, c.quantity(), c.limitPrice(), 1, 1));
    }

    private void run() {
        setup();
        System.out.printf(Locale.ROOT, "router: %d venues x %d levels per side, %d market states, seed %d,"
                + " %d parents tracked; %s%n", venues, levels, MARKETS, seed, tracked, router.settings().describe());
        for (int i = 0; i < 200_000; i++) {
            ParentOrder p = nextParent();
            feedBack(router.route(p, market(p.parentOrderId())));
        }
        System.gc();
        String json = mode.equals("paced") ? paced() : flat();
        System.out.println(json);
    }

    private String flat() {
        Histogram h = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        long childrenBefore = children;
        long alloc0 = allocated();
        long start = System.nanoTime();
        for (long k = 0; k < calls; k++) {
            ParentOrder p = nextParent();
            MarketState m = market(p.parentOrderId());
            long t0 = System.nanoTime();
            RoutingDecision d = router.route(p, m);
            long t1 = System.nanoTime();
            h.recordValue(t1 - t0);
            feedBack(d);
        }
        long nanos = System.nanoTime() - start;
        long alloc = allocated() - alloc0;
        long perSecond = Math.round(calls / (nanos / 1e9));
        System.out.printf(Locale.ROOT, "flat out: %,d decisions in %.3f s = %,d decisions/s (feedback included);"
                        + " %.2f children per decision; %.0f bytes allocated per decision (incl. parent, reports)%n",
                calls, nanos / 1e9, perSecond, (double) (children - childrenBefore) / calls, (double) alloc / calls);
        print("route() call", h);
        return String.format(Locale.ROOT, "{\"benchmark\":\"router-route\",\"mode\":\"flat\",\"venues\":%d,"
                        + "\"levels\":%d,\"calls\":%d,\"decisionsPerSecond\":%d,%s,\"bytesPerDecision\":%.0f}",
                venues, levels, calls, perSecond, fields("", h), (double) alloc / calls);
    }

    private String paced() {
        Histogram h = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        Histogram service = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        long unrecorded = rate * warmupSeconds;
        long n = unrecorded + rate * seconds;
        long late = 0;
        long alloc0 = 0;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1);
        for (long k = 0; k < n; k++) {
            if (k == unrecorded) {
                alloc0 = allocated();
            }
            long due = start + k * 1_000_000_000L / rate;
            long now = System.nanoTime();
            while (now < due) {
                long gap = due - now;
                if (gap > 200_000) {
                    LockSupport.parkNanos(gap - 100_000);
                } else {
                    Thread.onSpinWait();
                }
                now = System.nanoTime();
            }
            if (k >= unrecorded && now - due > 1_000) {
                late++;
            }
            ParentOrder p = nextParent();
            long t0 = System.nanoTime();
            RoutingDecision d = router.route(p, market(p.parentOrderId()));
            long t1 = System.nanoTime();
            if (k >= unrecorded) {
                h.recordValue(t1 - due);
                service.recordValue(t1 - t0);
            }
            feedBack(d);
        }
        long recorded = n - unrecorded;
        double alloc = (double) (allocated() - alloc0) / recorded;
        System.out.printf(Locale.ROOT, "paced at %,d decisions/s for %d s (+%d s unrecorded): %,d recorded; started"
                + " late by > 1 us: %.2f%%; %.0f bytes allocated per decision%n", rate, seconds, warmupSeconds,
                recorded, 100.0 * late / recorded, alloc);
        print("due -> decision returned (CO-correct)", h);
        print("route() call (service time)", service);
        return String.format(Locale.ROOT, "{\"benchmark\":\"router-route\",\"mode\":\"paced\",\"venues\":%d,"
                        + "\"levels\":%d,\"tracked\":" + tracked + ",\"rate\":%d,\"seconds\":%d,%s,%s,\"lateStartsPct\":%.2f,"
                        + "\"bytesPerDecision\":%.0f}", venues, levels, rate, seconds, fields("", h),
                fields("service", service), 100.0 * late / recorded, alloc);
    }

    private static void print(String what, Histogram h) {
        System.out.printf(Locale.ROOT, "  %s: p50 %.2f us, p90 %.2f, p99 %.2f, p99.9 %.2f, p99.99 %.2f, max %.1f,"
                        + " mean %.2f (%d samples)%n", what, us(h.getValueAtPercentile(50)),
                us(h.getValueAtPercentile(90)), us(h.getValueAtPercentile(99)), us(h.getValueAtPercentile(99.9)),
                us(h.getValueAtPercentile(99.99)), us(h.getMaxValue()), h.getMean() / 1e3, h.getTotalCount());
    }

    private static String fields(String prefix, Histogram h) {
        String p = prefix.isEmpty() ? "p" : prefix + "P";
        String max = prefix.isEmpty() ? "max" : prefix + "Max";
        String mean = prefix.isEmpty() ? "mean" : prefix + "Mean";
        String count = prefix.isEmpty() ? "count" : prefix + "Count";
        return String.format(Locale.ROOT, "\"%s50Micros\":%.2f,\"%s90Micros\":%.2f,\"%s99Micros\":%.2f,"
                        + "\"%s999Micros\":%.2f,\"%sMicros\":%.1f,\"%sMicros\":%.2f,\"%s\":%d",
                p, us(h.getValueAtPercentile(50)), p, us(h.getValueAtPercentile(90)), p,
                us(h.getValueAtPercentile(99)), p, us(h.getValueAtPercentile(99.9)), max, us(h.getMaxValue()), mean,
                h.getMean() / 1e3, count, h.getTotalCount());
    }

    private static double us(long nanos) {
        return nanos / 1e3;
    }

    private static long allocated() {
        ThreadMXBean t = ManagementFactory.getThreadMXBean();
        if (t instanceof com.sun.management.ThreadMXBean sun && sun.isThreadAllocatedMemoryEnabled()) {
            return sun.getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        return -1;
    }
}
