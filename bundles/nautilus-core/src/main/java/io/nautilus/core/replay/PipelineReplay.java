package io.nautilus.core.replay;

import io.nautilus.core.Command;
import io.nautilus.core.CommandProcessor;
import io.nautilus.core.Snapshotable;
import io.nautilus.core.engine.Registry;
import io.nautilus.core.engine.TradingEngine;
import io.nautilus.core.pipeline.CommandFiller;
import io.nautilus.core.pipeline.CorePipeline;
import io.nautilus.core.pipeline.PipelineConfig;
import io.nautilus.core.pipeline.ResultHandler;
import io.nautilus.core.risk.RiskLimits;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The {@code --pipeline} replay: the file's commands published into the core's Disruptor ring and processed by the
 * whole core (journal, risk, matching, positions, publish), timed from the first publish until the last command's
 * result was released by the publish stage.
 */
final class PipelineReplay {

    private PipelineReplay() {
    }

    /** Publishes row {@link #row} of the file; one instance, used by the publishing thread only. */
    private static final class RowFiller implements CommandFiller {
        private final CommandFile file;
        int row;

        RowFiller(CommandFile file) {
            this.file = file;
        }

        @Override
        public void fill(Command command) {
            file.fill(row, command);
            command.seq = 0;
        }
    }

    /** Records trades with the file's seq and counts results; the publish thread is its only writer. */
    private static final class Results implements ResultHandler {
        private final CommandFile file;
        private final TradeLog trades;
        private final long firstRowSeq;
        private final long lastSeq;
        volatile boolean done;
        long rejected;

        Results(CommandFile file, TradeLog trades, long firstRowSeq) {
            this.file = file;
            this.trades = trades;
            this.firstRowSeq = firstRowSeq;
            this.lastSeq = firstRowSeq + file.size() - 1;
        }

        @Override
        public void onResult(Command command, boolean endOfBatch) {
            long seq = command.seq;
            if (seq < firstRowSeq) {
                return;
            }
            if (trades != null) {
                trades.record(command, file.seq((int) (seq - firstRowSeq)));
            }
            if (command.rejected()) {
                rejected++;
            }
            if (seq == lastSeq) {
                done = true;
            }
        }
    }

    static Replay.Result run(CommandFile file, ReplayOptions options, TradeLog trades) throws Exception {
        Path dir = options.journal();
        boolean temporary = dir == null;
        if (temporary) {
            dir = Files.createTempDirectory("nautilus-replay-");
        } else {
            Files.createDirectories(dir);
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("--journal " + dir + " is not empty: a replay starts from a "
                            + "fresh journal (remove it or give another folder)");
                }
            }
        }
        RiskLimits limits = options.risk() == null ? null : loadLimits(options.risk());
        TradingEngine engine = new TradingEngine(0);
        Map<String, Object> settings = new HashMap<>();
        settings.put("journal.dir", dir.toString());
        settings.put("journal.fsync", options.fsync());
        settings.put("wait.strategy", options.waitStrategy());
        settings.put("ring.size", "65536");
        settings.put("snapshot.interval.minutes", "0");
        PipelineConfig config = PipelineConfig.from(settings);
        long firstRowSeq = 1L + file.instruments().size() + file.accounts().size() + (limits == null ? 0 : 1);
        Results results = new Results(file, trades, firstRowSeq);
        List<Snapshotable> parts = engine.snapshotParts();
        CorePipeline<CommandProcessor> pipeline = new CorePipeline<>(config, engine, parts, results);
        try {
            pipeline.start();
            for (int i = 0; i < file.instruments().size(); i++) {
                Registry.InstrumentDef def = new Registry.InstrumentDef(i, file.instruments().get(i), 1, 1, 1, 0, 0,
                        0, 0, 0, 0);
                pipeline.publish(c -> Registry.encode(def, c));
            }
            for (int i = 0; i < file.accounts().size(); i++) {
                Registry.AccountDef def = new Registry.AccountDef(i, file.accounts().get(i), options.stp());
                pipeline.publish(c -> Registry.encode(def, c));
            }
            if (limits != null) {
                String text = limits.toText();
                pipeline.publish(c -> {
                    c.op = io.nautilus.core.Op.SET_LIMITS;
                    c.text = text;
                    c.attachment = limits;
                });
            }
            // the definitions are processed before the timed part starts
            pipeline.query(p -> Boolean.TRUE).get(60, TimeUnit.SECONDS);
            RowFiller filler = new RowFiller(file);
            int n = file.size();
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                filler.row = i;
                pipeline.publish(filler);
            }
            long spins = 0;
            while (!results.done && n > 0) {
                Thread.onSpinWait();
                if (++spins % 1_000_000 == 0) {
                    String failure = pipeline.stats().journalFailure();
                    if (failure != null || !pipeline.isRunning()) {
                        throw new IllegalStateException("the pipeline stopped before the last result: "
                                + (failure != null ? "journal failed: " + failure : "not running"));
                    }
                }
            }
            long nanos = System.nanoTime() - start;
            return new Replay.Result(nanos, results.rejected);
        } finally {
            pipeline.stop();
            if (temporary) {
                deleteTree(dir);
            }
        }
    }

    private static RiskLimits loadLimits(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        Map<String, Object> map = new HashMap<>();
        for (String key : p.stringPropertyNames()) {
            map.put(key, p.getProperty(key));
        }
        try {
            return RiskLimits.parse(map);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--risk " + file + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
