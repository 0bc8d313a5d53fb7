package io.nautilus.benchmarks.matching;

import io.nautilus.core.Command;
import io.nautilus.core.matching.ExchangeCoreMix;
import io.nautilus.core.matching.MatchingEngine;
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

import java.util.concurrent.TimeUnit;

/**
 * Throughput of the matching engine alone on exchange-core's order book mix ({@link ExchangeCoreMix}: ~500 resting
 * orders per side, 12.6% GTC, 1.8% IOC, 7.2% cancel, 71.2% move, 7.2% reduce, ~2% trading). One benchmark operation
 * is one command, copied from the pre-generated stream into a reused slot and processed, as the core's ring does.
 *
 * <p>When the stream is used up the engine is {@link MatchingEngine#reset() reset} and the setup commands (definitions
 * and the initial book, about 0.2% of a 1M stream) are replayed inside the measured loop, so the state always follows
 * the stream. Run with {@code -prof gc} to check that steady state allocates nothing:
 * {@code java -jar benchmarks/target/nautilus-benchmarks.jar OrderBookBenchmark -f 1 -wi 2 -i 3 -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class OrderBookBenchmark {

    /** Measured commands in the generated stream. */
    @Param("1000000")
    public int commands;

    /** Stream seed. */
    @Param("1")
    public long seed;

    private ExchangeCoreMix mix;
    private MatchingEngine engine;
    private Command slot;
    private int cursor;

    @Setup(Level.Trial)
    public void setUp() {
        mix = ExchangeCoreMix.generate(seed, commands);
        engine = new MatchingEngine();
        slot = new Command();
        restart();
    }

    private void restart() {
        engine.reset();
        int setup = mix.setupSize();
        for (int i = 0; i < setup; i++) {
            mix.fill(i, slot);
            engine.process(slot);
        }
        cursor = setup;
    }

    /**
     * Processes the next command of the stream.
     *
     * @return the number of events it produced (consumed by JMH)
     */
    @Benchmark
    public int process() {
        if (cursor == mix.size()) {
            restart();
        }
        mix.fill(cursor++, slot);
        engine.process(slot);
        return slot.events.size();
    }
}
