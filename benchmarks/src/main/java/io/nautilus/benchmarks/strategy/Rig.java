package io.nautilus.benchmarks.strategy;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.StrategyId;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.api.marketdata.BookLevel;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.marketdata.Trade;
import io.nautilus.api.order.ExecutionReportListener;
import io.nautilus.core.api.TradingCoreService;
import io.nautilus.marketdata.api.MarketDataSubscriber;
import io.nautilus.marketdata.api.Subscription;
import io.nautilus.marketdata.api.SubscriptionStats;
import io.nautilus.marketdata.internal.MarketDataConfig;
import io.nautilus.marketdata.internal.MarketDataEngine;
import io.nautilus.strategy.engine.CoreTradingPort;
import io.nautilus.strategy.engine.InstanceConfig;
import io.nautilus.strategy.engine.OrderPolicy;
import io.nautilus.strategy.engine.StrategyEngine;
import io.nautilus.strategy.engine.StrategyInstance;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * The chain under test, as the platform wires it: raw ticks into the real {@link MarketDataEngine} (its
 * {@code MarketDataIngest} quote method, decimal text as the Camel feeds hand it over) → a
 * {@code MarketDataService.subscribe} subscription whose subscriber forwards to the {@link StrategyEngine} → one
 * {@link StrategyInstance} running a {@link BenchStrategy} → a {@link ProbePorts trading port}: a sink, or the
 * real trading core ({@code TradingCoreManager}, started outside Karaf as its own tests do, journal in a
 * temporary folder).
 */
final class Rig implements AutoCloseable {

    static final VenueId VENUE = VenueId.of("SIM");
    static final InstrumentId INSTRUMENT_ID = InstrumentId.of("BENCH");
    /** Prices at 2 decimals, whole quantities: the tick index travels in the bid size. */
    static final Instrument INSTRUMENT = new Instrument(INSTRUMENT_ID, "BENCH", VENUE, 1, 1, 1, 2, 0, "USD");
    static final StrategyId STRATEGY = StrategyId.of("bench");
    static final AccountId ACCOUNT = AccountId.of("bench");
    static final String FEED = "bench-feed";
    private static final int PRICES = 64;

    final Probe probe;
    final MarketDataEngine marketData;
    final StrategyEngine engine;
    final StrategyInstance instance;
    final Subscription subscription;
    final ProbePorts.Measuring port;
    private final Object core;
    private final Path journal;
    private final String[] bids = new String[PRICES];
    private final String[] asks = new String[PRICES];

    Rig(String mode, double fraction, String fsync) throws Exception {
        probe = new Probe(System.nanoTime());
        for (int i = 0; i < PRICES; i++) {
            long bid = 10_000 + i;
            bids[i] = String.format("%d.%02d", bid / 100, bid % 100);
            asks[i] = String.format("%d.%02d", (bid + 2) / 100, (bid + 2) % 100);
        }
        ExecutionReportListener[] reportsTo = new ExecutionReportListener[1];
        if (mode.equals("core")) {
            journal = Files.createTempDirectory("nautilus-strategy-bench-");
            core = startCore(journal, fsync, report -> reportsTo[0].onExecutionReport(report));
            port = new ProbePorts.Core(probe, new CoreTradingPort((TradingCoreService) core));
        } else if (mode.equals("sink")) {
            journal = null;
            core = null;
            port = new ProbePorts.Sink(probe, VENUE);
        } else {
            throw new IllegalArgumentException("--mode " + mode + ": sink or core");
        }
        engine = new StrategyEngine(port, (id, reason, cause) -> System.err.println("strategy failed: " + reason),
                () -> System.currentTimeMillis() * 1_000_000L, 1);
        reportsTo[0] = engine;
        if (port instanceof ProbePorts.Sink sink) {
            sink.reportTo(engine);
        }
        InstanceConfig config = new InstanceConfig(STRATEGY, ACCOUNT, Map.of(), java.util.Set.of(INSTRUMENT_ID),
                OrderPolicy.LEAVE, InstanceConfig.DEFAULT_QUEUE_CAPACITY);
        instance = engine.start(config, new BenchStrategy(probe, fraction, 1));
        marketData = new MarketDataEngine(List.of(INSTRUMENT), MarketDataConfig.defaults());
        // as the platform wires it: the strategy engine subscribes directly (on the market-data engine's thread);
        // NAUTILUS_BENCH_QUEUED_SUBSCRIPTION=1 measures the queued subscription with its own thread instead
        subscription = "1".equals(System.getenv("NAUTILUS_BENCH_QUEUED_SUBSCRIPTION"))
                ? marketData.subscribe("strategy-engine", new Forwarder(engine, probe))
                : marketData.subscribeDirect("strategy-engine", new Forwarder(engine, probe));
    }

    /** What the platform's wiring does: the subscriber hands every event to the strategy engine's fan-out. */
    private static final class Forwarder implements MarketDataSubscriber {
        private final StrategyEngine engine;
        private final Probe probe;

        Forwarder(StrategyEngine engine, Probe probe) {
            this.engine = engine;
            this.probe = probe;
        }

        @Override
        public void onQuote(Quote quote) {
            probe.hop(probe.atSubscriber, quote.timestampNanos());
            probe.handedAt[(int) (quote.bidSize() - 1) & Probe.HANDED_MASK] = System.nanoTime();
            engine.onQuote(quote);
        }

        @Override
        public void onTrade(Trade trade) {
            engine.onTrade(trade);
        }

        @Override
        public void onBar(Bar bar) {
            engine.onBar(bar);
        }

        @Override
        public void onBookLevel(BookLevel level) {
            engine.onBookLevel(level);
        }
    }

    /** Hands tick {@code k} (index from 0), scheduled at {@code due}, to the market-data engine as raw text. */
    void sendTick(long k, long due) {
        int p = (int) (k & (PRICES - 1));
        long ts = probe.timestampOf(due);
        marketData.quote(FEED, "BENCH", k + 1, bids[p], Long.toString(k + 1), asks[p], "1", ts, ts);
    }

    /** Outcome of a paced run of ticks. */
    record Paced(long sent, long late, long maxLagNanos, long endNanos) {
    }

    /**
     * Sends ticks {@code from..to-1} at {@code rate} per second, tick k due at {@code start + k / rate}; a late
     * tick goes at once. Counts ticks from {@code countFrom} on that were sent more than 1 µs late.
     */
    Paced pace(long from, long to, long start, long rate, long countFrom, boolean yieldWhilePacing,
               java.util.function.BooleanSupplier keepGoing) {
        long late = 0;
        long maxLag = 0;
        long k = from;
        for (; k < to && keepGoing.getAsBoolean(); k++) {
            long due = start + k * 1_000_000_000L / rate;
            long now = System.nanoTime();
            if (now < due) {
                do {
                    long gap = due - now;
                    if (gap > 200_000) {
                        LockSupport.parkNanos(gap - 100_000);
                    } else if (yieldWhilePacing) {
                        Thread.yield();
                    } else {
                        Thread.onSpinWait();
                    }
                } while ((now = System.nanoTime()) < due);
            } else if (k >= countFrom) {
                long lag = now - due;
                if (lag > 1_000) {
                    late++;
                }
                maxLag = Math.max(maxLag, lag);
            }
            sendTick(k, due);
        }
        return new Paced(k - from, late, maxLag, System.nanoTime());
    }

    /** Waits (bounded) until the strategy has seen tick {@code k} (the last tick is never conflated away). */
    void awaitTick(long k) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (probe.lastTick < k) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("the strategy saw tick " + probe.lastTick + ", not " + k
                        + ", after 60 s");
            }
            LockSupport.parkNanos(50_000);
        }
    }

    long subscriptionConflated() {
        SubscriptionStats stats = subscription.stats();
        return stats.conflated();
    }

    /** Stops the instance (its termination orders the probe's plain fields before the caller's reads). */
    void stopStrategy() throws Exception {
        engine.stop(STRATEGY).get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        subscription.close();
        marketData.close();
        engine.shutdown(10, TimeUnit.SECONDS);
        if (core != null) {
            invoke(core, "deactivate", new Class<?>[0]);
        }
        if (journal != null) {
            try (Stream<Path> walk = Files.walk(journal)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                System.err.println("could not delete " + journal + ": " + e);
            }
        }
    }

    /**
     * The core's OSGi component outside OSGi, as {@code TradingCoreManagerTest} runs it: its activation and
     * configuration methods are package-private (called by Declarative Services), hence reflection, at set-up
     * only. No risk limits are configured (the core's default); one instrument, one account.
     */
    private static Object startCore(Path dir, String fsync, ExecutionReportListener listener) throws Exception {
        Class<?> type = Class.forName("io.nautilus.core.internal.TradingCoreManager");
        Object core = type.getConstructor().newInstance();
        invoke(core, "addListener", new Class<?>[] {ExecutionReportListener.class}, listener);
        Map<String, Object> properties = new HashMap<>();
        properties.put("journal.dir", dir.resolve("core").toString());
        properties.put("journal.fsync", fsync);
        properties.put("snapshot.interval.minutes", 0);
        properties.put("clock.tick.ms", 60_000);
        io.nautilus.core.internal.CoreConfigs.activate((io.nautilus.core.internal.TradingCoreManager) core, properties);
        invoke(core, "applyInstruments", new Class<?>[] {Map.class},
                Map.of("BENCH.priceScale", "2", "BENCH.tickSize", "0.01", "BENCH.lotSize", "1"));
        invoke(core, "applyAccounts", new Class<?>[] {Map.class}, Map.of("bench.stp", "none"));
        return core;
    }

    private static Object invoke(Object target, String name, Class<?>[] types, Object... args) throws Exception {
        Method m = target.getClass().getDeclaredMethod(name, types);
        m.setAccessible(true);
        try {
            return m.invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
