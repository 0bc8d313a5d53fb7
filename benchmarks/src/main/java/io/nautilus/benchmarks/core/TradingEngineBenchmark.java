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
import org.openjdk.jmh.annotations.Warmup;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Throughput of the business stage alone, {@link TradingEngine#process} (risk with limits on every order, matching,
 * positions, average prices), on exchange-core's order book mix ({@link ExchangeCoreStream}: 1,000 accounts, one
 * instrument). One benchmark operation is one command copied from the pre-generated stream into a reused slot and
 * processed, as the core's business thread does.
 *
 * <p>Limits: {@code loose} (quantity, notional, position and rate limits, none reached: the load generator's
 * built-in limits) or {@code leverage} (those plus maxLeverage, so the working orders' exposure is kept; every
 * account has a capital). When fewer commands are left than an iteration could use, the engine is rebuilt between
 * iterations (outside the measurement). Run with {@code -prof gc} to check that steady state allocates nothing:
 * {@code java -jar benchmarks/target/nautilus-benchmarks.jar TradingEngineBenchmark -f 1 -wi 3 -i 5 -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class TradingEngineBenchmark {

    /** Flow commands in the generated stream (one iteration must use fewer than half of them). */
    @Param("12000000")
    public int commands;

    /** Stream seed. */
    @Param("1")
    public long seed;

    /** Risk limits: loose or leverage. */
    @Param({"loose", "leverage"})
    public String limits;

    private CommandStream stream;
    private RiskLimits riskLimits;
    private TradingEngine engine;
    private Command slot;
    private int cursor;
    private long clock;

    @Setup(Level.Trial)
    public void setUp() {
        stream = new ExchangeCoreStream(seed, commands);
        slot = new Command();
        Map<String, String> values = new LinkedHashMap<>(Map.of(
                "default.maxOrderQty", "1000000",
                "default.maxOrderNotional", "1000000000000",
                "default.maxPosition", "1000000000",
                "default.maxOrdersPerSecond", "20000",
                "default.maxCancelsPerSecond", "20000"));
        if (limits.equals("leverage")) {
            values.put("default.maxLeverage", "1000");
        } else if (!limits.equals("loose")) {
            throw new IllegalArgumentException("limits must be loose or leverage, not " + limits);
        }
        riskLimits = RiskLimits.parse(values);
        restart();
    }

    /** Rebuilds the engine when the rest of the stream might not last an iteration. */
    @Setup(Level.Iteration)
    public void beforeIteration() {
        if (stream.size() - cursor < commands / 2) {
            restart();
        }
    }

    private void restart() {
        engine = new TradingEngine(0);
        clock = 1_700_000_000_000_000_000L;
        for (int i = 0; i < stream.setupSize(); i++) {
            if (i == stream.definitions()) {
                for (int account = 0; account < engine.registry().accountCount(); account++) {
                    engine.risk().setCapital(account, 1_000_000_000_000L);
                }
                slot.clear();
                slot.op = Op.SET_LIMITS;
                slot.text = riskLimits.toText();
                slot.attachment = riskLimits;
                slot.timestamp = ++clock;
                engine.process(slot);
            }
            next(i);
        }
        cursor = stream.setupSize();
    }

    private void next(int i) {
        stream.fill(i, slot);
        slot.seq = i + 1;
        slot.timestamp = ++clock;
        engine.process(slot);
    }

    /**
     * Processes the next command of the stream.
     *
     * @return the number of events it produced (consumed by JMH)
     */
    @Benchmark
    public int process() {
        if (cursor == stream.size()) {
            restart();
        }
        next(cursor++);
        return slot.events.size();
    }
}
