package io.nautilus.benchmarks.core;

import io.nautilus.core.Command;
import io.nautilus.core.Op;
import io.nautilus.core.engine.TradingEngine;
import io.nautilus.core.risk.RiskLimits;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The business stage's work per command: the whole {@link TradingEngine} (risk with the load generator's loose
 * limits, matching, positions) on one thread, one benchmark operation per command of a {@link Mix} played in a loop
 * ({@link CyclicFeed}: each pass rebuilds the initial book and ends by cancelling what is left, order ids shifted per
 * pass). Commands are 1 µs of logical time apart, so no account comes near its rate limits; a command rejected by
 * the engine fails the run at tear-down (the loop would no longer be the mix).
 *
 * <p>Run with {@code -prof gc}: {@code gc.alloc.rate.norm} is the heap allocated per command in steady state
 * ({@code benchmarks/core/jmh-alloc.sh}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class TradingEngineBenchmark {

    /** Logical time between two commands, in nanoseconds. */
    static final long STEP_NANOS = 1_000;

    /** The mix, by its command-line name. */
    @Param("exchange-core")
    public String mix;

    /** Flow commands per pass. */
    @Param("1000000")
    public int commands;

    /** Stream seed. */
    @Param("1")
    public long seed;

    /**
     * Risk limits: {@code loose} (the load generator's: quantity, notional, position and rate limits, none reached)
     * or {@code leverage} (those plus maxLeverage, so the working orders' exposure is kept; every account gets a
     * capital).
     */
    @Param("loose")
    public String limits;

    private CyclicFeed feed;
    private TradingEngine engine;
    private Command slot;
    private long seq;
    private long clock;
    private long rejected;
    private String firstReject;

    /** Generates the stream, defines the instrument and accounts, and sets the risk limits. */
    @Setup(Level.Trial)
    public void setUp() {
        feed = new CyclicFeed(Mix.parse(mix).generate(seed, commands));
        engine = new TradingEngine(0);
        slot = new Command();
        clock = 1_000_000_000L;
        for (int i = 0; i < feed.definitions(); i++) {
            feed.fillDefinition(i, slot);
            run();
        }
        Map<String, String> values = new LinkedHashMap<>(LoadGenerator.LOOSE_LIMITS);
        if (limits.equals("leverage")) {
            values.put("default.maxLeverage", "1000");
            for (int account = 0; account < engine.registry().accountCount(); account++) {
                engine.risk().setCapital(account, 1_000_000_000_000L);
            }
        } else if (!limits.equals("loose")) {
            throw new IllegalArgumentException("limits must be loose or leverage, not " + limits);
        }
        RiskLimits riskLimits = RiskLimits.parse(values);
        slot.clear();
        slot.op = Op.SET_LIMITS;
        slot.text = riskLimits.toText();
        slot.attachment = riskLimits;
        run();
    }

    /**
     * Processes the next command of the loop.
     *
     * @return the number of events it produced (consumed by JMH)
     */
    @Benchmark
    public int process() {
        feed.next(slot);
        run();
        return slot.events.size();
    }

    private void run() {
        slot.seq = ++seq;
        slot.timestamp = clock += STEP_NANOS;
        engine.process(slot);
        if (slot.rejected() && rejected++ == 0) {
            firstReject = slot + " " + slot.rejectReason + " " + slot.rejectDetail;
        }
    }

    /**
     * Fails the run if the engine rejected a command.
     *
     * @throws IllegalStateException naming the first rejected command
     */
    @TearDown(Level.Trial)
    public void check() {
        if (rejected > 0) {
            throw new IllegalStateException(rejected + " commands rejected in " + feed.passes() + " passes, the first: "
                    + firstReject);
        }
    }
}
