package io.nautilus.benchmarks.core;

import io.nautilus.core.CommandProcessor;
import io.nautilus.core.Op;
import io.nautilus.core.engine.TradingEngine;
import io.nautilus.core.pipeline.CommandFiller;
import io.nautilus.core.pipeline.CorePipeline;
import io.nautilus.core.pipeline.PipelineConfig;
import io.nautilus.core.risk.RiskLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * One throughput round of the core's load generator ({@link LoadGenerator}'s throughput mode), for benchmarks that
 * measure what another load costs the core in the same JVM: a fresh {@link CorePipeline} (Disruptor ring, journal in
 * a temporary folder, the built-in loose risk limits, matching, positions) fed the generated command stream, the
 * definitions, limits, set-up and warm-up first (not measured), then the measured commands as fast as the ring takes
 * them. The stream is generated once and reused by every round.
 */
public final class CoreLoadRound {

    private final LoadOptions options;
    private final CommandStream stream;
    private final RiskLimits limits;

    /**
     * Generates the stream.
     *
     * @param options the load generator's options (mix, seed, --warmup, --commands, --fsync, --ring, --wait)
     */
    public CoreLoadRound(LoadOptions options) {
        this.options = options;
        this.stream = options.mix().generate(options.seed(), options.warmupCommands() + options.measuredPhaseCommands());
        this.limits = RiskLimits.parse(LoadGenerator.LOOSE_LIMITS);
    }

    /** @return the stream's description (mix, sizes) */
    public String describe() {
        return options.mix().label() + ", seed " + options.seed() + ": " + stream.describe();
    }

    /**
     * Runs one round on a fresh pipeline and journal.
     *
     * @param measuredPhaseStarts called on this thread when the measured phase starts (e.g. to start another load)
     * @param measuredPhaseEnds   called on this thread when the last measured result came, the pipeline still up
     * @return measured commands per second, from the first measured publish until the last measured result
     * @throws Exception if the pipeline fails or a result does not come within 120 s
     */
    public long run(Runnable measuredPhaseStarts, Runnable measuredPhaseEnds) throws Exception {
        Path parent = options.journalParent() != null ? options.journalParent()
                : Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(parent);
        Path dir = Files.createTempDirectory(parent, "nautilus-load-round-");
        Map<String, Object> settings = new HashMap<>();
        settings.put("journal.dir", dir.toString());
        settings.put("journal.fsync", options.fsync());
        if (options.waitStrategy() != null) {
            settings.put("wait.strategy", options.waitStrategy());
        }
        if (options.layout() != null) {
            settings.put("pipeline.layout", options.layout());
        }
        settings.put("ring.size", Integer.toString(options.ringSize()));
        TradingEngine engine = new TradingEngine(0);
        LoadResults results = new LoadResults();
        CorePipeline<CommandProcessor> pipeline = new CorePipeline<>(PipelineConfig.from(settings), engine,
                engine.snapshotParts(), results);
        Filler filler = new Filler(stream);
        try {
            pipeline.start();
            long seq = 0;
            for (int i = 0; i < stream.definitions(); i++) {
                filler.index = i;
                seq = pipeline.publish(filler);
            }
            String text = limits.toText();
            seq = pipeline.publish(c -> {
                c.op = Op.SET_LIMITS;
                c.text = text;
                c.attachment = limits;
            });
            int first = stream.setupSize() + options.warmupCommands();
            seq = publish(pipeline, filler, stream.definitions(), first, seq);
            await(results, seq);
            System.gc();
            measuredPhaseStarts.run();
            int n = options.measuredPhaseCommands();
            long start = System.nanoTime();
            seq = publish(pipeline, filler, first, first + n, seq);
            await(results, seq);
            long nanos = System.nanoTime() - start;
            measuredPhaseEnds.run();
            return Math.round(n / (nanos / 1e9));
        } finally {
            pipeline.stop();
            deleteTree(dir);
        }
    }

    private static long publish(CorePipeline<?> pipeline, Filler filler, int from, int to, long lastSeq) {
        long seq = lastSeq;
        for (int i = from; i < to; i++) {
            filler.index = i;
            seq = pipeline.publish(filler);
        }
        return seq;
    }

    private static void await(LoadResults results, long seq) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (results.completedSeq() < seq) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("no result for seq " + seq + " after 120 s (last result at seq "
                        + results.completedSeq() + ")");
            }
            LockSupport.parkNanos(20_000);
        }
    }

    private static final class Filler implements CommandFiller {
        private final CommandStream stream;
        int index;

        Filler(CommandStream stream) {
            this.stream = stream;
        }

        @Override
        public void fill(io.nautilus.core.Command command) {
            stream.fill(index, command);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
