package io.nautilus.benchmarks.core;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.order.NewOrder;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.internal.RealCore;
import io.nautilus.core.internal.TradingCoreManager;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The platform's order entry per call: {@link TradingCoreManager#submit}, {@code replace} and {@code cancel} (through
 * {@code OrderEntry}'s static translators into the ring) on the real core ({@link RealCore}: ring of 1024, journal
 * in a temporary folder with fsync none, no risk limits, an execution-report listener that drops the reports), one
 * benchmark operation per call. Order j is submitted (a passive GTC limit for 1 lot: buys at 1.00, sells at 2.00,
 * alternating, so nothing trades), replaced 512 orders later (to 1.01 or 1.99, by the order id its result carried)
 * and cancelled 1024 orders later, so about 512 to 1024 orders stay working and every call does its full work. The
 * lags are longer than the ring (1536 calls against 1024 slots), so a result is always complete when it is read:
 * the benchmark itself never waits and allocates nothing.
 *
 * <p>With {@code -prof gc} the allocation counted is every thread's: the caller's (the result future), the journal
 * and business stages', and the publish stage's, which completes each call's future with a {@link CommandResult}
 * and its execution reports (the API's contract, not per-command overhead of the pipeline). {@link
 * ThreadAllocProfiler} splits it by thread ({@code benchmarks/core/jmh-alloc.sh}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class OrderEntryBenchmark {

    /** Orders between a submit and its replace: 3 calls per order, more calls than the ring holds. */
    private static final int REPLACE_LAG = 512;
    private static final int CANCEL_LAG = 1024;
    private static final int WINDOW = 2048;
    private static final Map<String, Object> INSTRUMENTS = Map.of("ABC.priceScale", "2", "ABC.tickSize", "0.01",
            "ABC.lotSize", "1", "service.pid", "io.nautilus.core.instruments");
    private static final Map<String, Object> ACCOUNTS = Map.of("alice.stp", "none");

    private Path dir;
    private TradingCoreManager core;
    private final NewOrder[] orders = new NewOrder[2];
    private final long[] replacePrice = {1_01, 1_99};
    @SuppressWarnings("unchecked")
    private final CompletableFuture<CommandResult>[] futures = new CompletableFuture[WINDOW];
    private final long[] ids = new long[WINDOW];
    private long call;

    /**
     * Starts the core and defines instrument ABC and account alice.
     *
     * @throws Exception if the core does not start
     */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("nautilus-order-entry-");
        // the parallel layout, so that each stage's allocation shows on a thread of its own (compact runs the
        // publish stage on the journal thread, single every stage on the business thread)
        core = RealCore.start(dir, report -> { }, null, INSTRUMENTS, ACCOUNTS, Map.of(),
                Map.of("pipeline.layout", "parallel"));
        // stopped when the forked JVM exits, not at the trial's tear-down: JMH runs that before the profilers read
        // the last iteration, and the pipeline's threads would no longer be there to be read
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stop();
            } catch (IOException e) {
                System.err.println("OrderEntryBenchmark: cannot delete " + dir + ": " + e);
            }
        }, "order-entry-benchmark-stop"));
        orders[0] = NewOrder.limit(1, AccountId.of("alice"), null, InstrumentId.of("ABC"), Side.BUY, 1_00, 1);
        orders[1] = NewOrder.limit(2, AccountId.of("alice"), null, InstrumentId.of("ABC"), Side.SELL, 2_00, 1);
    }

    /**
     * Makes the next call: submit, replace or cancel in turn.
     *
     * @return the call's future (consumed by JMH), or null while the first orders are still too young
     */
    @Benchmark
    public CompletableFuture<CommandResult> call() {
        long k = call++;
        long j = k / 3;
        switch ((int) (k % 3)) {
            case 0 -> {
                CompletableFuture<CommandResult> f = core.submit(orders[(int) (j & 1)]);
                futures[(int) (j % WINDOW)] = f;
                return f;
            }
            case 1 -> {
                long order = j - REPLACE_LAG;
                if (order < 0) {
                    return null;
                }
                int slot = (int) (order % WINDOW);
                long id = futures[slot].join().orderId();
                ids[slot] = id;
                return core.replace(id, replacePrice[(int) (order & 1)], 1);
            }
            default -> {
                long order = j - CANCEL_LAG;
                if (order < 0) {
                    return null;
                }
                return core.cancel(ids[(int) (order % WINDOW)]);
            }
        }
    }

    /**
     * Stops the core and deletes its journal.
     *
     * @throws IOException if the journal cannot be deleted
     */
    private void stop() throws IOException {
        RealCore.stop(core);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
