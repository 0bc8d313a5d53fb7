package io.nautilus.benchmarks.strategy;

import io.nautilus.api.OrderFlags;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.strategy.Strategy;
import io.nautilus.api.strategy.StrategyContext;
import io.nautilus.strategy.engine.InstanceContext;

import java.util.Map;

/**
 * The benchmarks' strategy: on a configurable fraction of quotes (a Bresenham accumulator, so exactly that share,
 * evenly spread) it sends a 1-lot IOC limit buy at the bid. The quote carries the tick's scheduled send time in
 * its exchange timestamp and the tick index in its bid size; just before {@code submit} the strategy tells the
 * {@link Probe} which tick the order answers, so the trading port can record the tick's latency.
 *
 * <p>It also checks the engine's guarantees: the per-instance event sequence number
 * ({@link InstanceContext#eventSequence()}) must go up by exactly one per delivered event, across versions (the
 * last one seen travels in the exported state), and tick indices must go up (gaps are market-data conflation,
 * counted separately; going back or repeating is a duplicate).
 */
final class BenchStrategy implements Strategy {

    static final String LAST_SEQUENCE = "lastSequence";
    static final String LAST_TICK = "lastTick";
    static final String ACCUMULATOR = "accumulator";
    static final String VERSION = "version";

    private final Probe probe;
    private final double fraction;
    private final int version;
    private InstanceContext context;
    private long lastSequence;
    private long lastTick = -1;
    private double accumulator;
    private boolean imported;

    BenchStrategy(Probe probe, double fraction, int version) {
        this.probe = probe;
        this.fraction = fraction;
        this.version = version;
    }

    @Override
    public void start(StrategyContext ctx) {
        this.context = (InstanceContext) ctx;
        if (!imported) {
            lastSequence = context.eventSequence();
        }
        probe.versionsStarted++;
    }

    @Override
    public void stop() {
        context = null;
    }

    @Override
    public void onQuote(Quote quote) {
        probe.hop(probe.atStrategy, quote.timestampNanos());
        long tick = quote.bidSize() - 1;
        if (probe.dueOf(quote.timestampNanos()) >= probe.recordFrom) {
            ProbePorts.record(probe.engineHop, System.nanoTime() - probe.handedAt[(int) tick & Probe.HANDED_MASK]);
        }
        checkSequence();
        if (tick <= lastTick) {
            probe.duplicateTicks++;
        } else if (lastTick >= 0 && tick > lastTick + 1) {
            probe.conflatedTicks += tick - lastTick - 1;
        }
        lastTick = Math.max(lastTick, tick);
        probe.quotes++;
        accumulator += fraction;
        if (accumulator >= 1.0) {
            accumulator -= 1.0;
            probe.due = probe.dueOf(quote.timestampNanos());
            context.submit(quote.instrument(), Side.BUY, OrderType.LIMIT, TimeInForce.IOC, quote.bidPrice(),
                    FixedPoint.NULL, 1, OrderFlags.NONE, 0);
            probe.orders++;
        }
        probe.lastTick = tick;
    }

    @Override
    public void onExecutionReport(ExecutionReport report) {
        checkSequence();
        probe.reports++;
    }

    private void checkSequence() {
        long seq = context.eventSequence();
        if (seq <= lastSequence) {
            probe.duplicateEvents++;
        } else if (seq > lastSequence + 1) {
            probe.lostEvents += seq - lastSequence - 1;
        }
        lastSequence = Math.max(lastSequence, seq);
        probe.events++;
    }

    @Override
    public Map<String, String> exportState() {
        return Map.of(VERSION, Integer.toString(version), LAST_SEQUENCE, Long.toString(lastSequence),
                LAST_TICK, Long.toString(lastTick), ACCUMULATOR, Double.toString(accumulator));
    }

    @Override
    public void importState(Map<String, String> state) {
        if (!state.containsKey(LAST_SEQUENCE)) {
            throw new IllegalArgumentException("no " + LAST_SEQUENCE + " in " + state);
        }
        lastSequence = Long.parseLong(state.get(LAST_SEQUENCE));
        lastTick = Long.parseLong(state.getOrDefault(LAST_TICK, "-1"));
        accumulator = Double.parseDouble(state.getOrDefault(ACCUMULATOR, "0"));
        imported = true;
    }
}
