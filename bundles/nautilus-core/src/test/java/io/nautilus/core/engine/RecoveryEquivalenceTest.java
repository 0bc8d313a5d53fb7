package io.nautilus.core.engine;

import io.nautilus.api.order.RejectReason;
import io.nautilus.core.Command;
import io.nautilus.core.Snapshotable;
import io.nautilus.core.journal.JournalSegments;
import io.nautilus.core.journal.Recovery;
import io.nautilus.core.pipeline.CommandTranslator;
import io.nautilus.core.pipeline.CorePipeline;
import io.nautilus.core.pipeline.PipelineConfig;
import io.nautilus.core.pipeline.ResultHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills the core mid-stream (a copy of its journal folder taken while it runs is the crash image) and checks that
 * recovering a fresh engine from the image gives exactly the state of an engine that processed the same commands
 * without interruption: a long exchange-core-like stream with risk limits, marks, kills and state changes, through
 * the real pipeline and journal.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class RecoveryEquivalenceTest {

    static final int COMMANDS = 200_000;
    static final long SEED = 20_240_601;

    @TempDir
    static Path dir;

    static MixedStream stream;
    static Path journalOnlyImage;
    static Path snapshotImage;
    static long releasedBeforeJournalOnlyCopy;
    static long releasedBeforeSnapshotCopy;
    static long snapshotSeq;
    static byte[] pipelineEndState;
    static final Outcomes outcomes = new Outcomes();
    static CorePipeline<TradingEngine> pipeline;

    /** Counts results on the publish thread; read after the pipeline stopped (or through the volatile count). */
    static final class Outcomes implements ResultHandler {
        volatile long count;
        volatile long maxReleased;
        long seqMismatches;
        long trades;
        final long[] rejects = new long[RejectReason.values().length];

        @Override
        public void onResult(Command c, boolean endOfBatch) {
            if (c.seq != count + 1) {
                seqMismatches++;
            }
            rejects[c.rejectReason.ordinal()]++;
            for (int i = 0; i < c.events.size(); i++) {
                if (c.events.type(i) == io.nautilus.core.Events.TRADE) {
                    trades++;
                }
            }
            maxReleased = c.seq;
            count = count + 1;
        }

        long rejected(RejectReason reason) {
            return rejects[reason.ordinal()];
        }
    }

    @BeforeAll
    static void runThePipelineAndCopyItsJournalMidStream() throws Exception {
        stream = new MixedStream(SEED, COMMANDS);
        int total = stream.size();
        TradingEngine engine = new TradingEngine(0);
        PipelineConfig config = PipelineConfig.from(Map.of(
                "journal.dir", dir.resolve("journal").toString(),
                "journal.fsync", "none",
                "journal.segment.size", "2m",
                "ring.size", 4096));
        pipeline = new CorePipeline<>(config, engine, engine.snapshotParts(), outcomes);
        pipeline.start();
        CommandTranslator<Integer> fromStream = (c, k) -> stream.fill(k, c);
        Thread producer = new Thread(() -> {
            for (int k = 0; k < total; k++) {
                pipeline.publish(fromStream, k);
            }
        }, "recovery-test-producer");
        producer.start();

        await(() -> outcomes.count >= total / 4, "a quarter of the results");
        releasedBeforeJournalOnlyCopy = outcomes.maxReleased;
        journalOnlyImage = copy(config.journalDir(), dir.resolve("crash-journal-only"));

        snapshotSeq = pipeline.snapshot().get(20, TimeUnit.SECONDS);
        await(() -> outcomes.count >= total * 3 / 5, "three fifths of the results");
        releasedBeforeSnapshotCopy = outcomes.maxReleased;
        snapshotImage = copy(config.journalDir(), dir.resolve("crash-with-snapshot"));

        producer.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(producer.isAlive()).as("producer still publishing").isFalse();
        await(() -> outcomes.count == total, "every result");
        pipelineEndState = pipeline.query(e -> EngineDriver.bytes(e.snapshotParts())).get(20, TimeUnit.SECONDS);
        pipeline.stop();
    }

    @AfterAll
    static void stopThePipeline() {
        if (pipeline != null) {
            pipeline.stop();
        }
    }

    @Test
    void theStreamExercisesRiskMatchingAndAdminCommands() {
        assertThat(outcomes.seqMismatches).as("results out of seq order").isZero();
        assertThat(outcomes.trades).as("trades").isGreaterThan(1_000);
        assertThat(outcomes.rejected(RejectReason.RISK_LIMIT)).as("risk limit rejects").isPositive();
        assertThat(outcomes.rejected(RejectReason.THROTTLED)).as("throttled").isPositive();
        assertThat(outcomes.rejected(RejectReason.KILL_SWITCH)).as("kill switch rejects").isPositive();
        assertThat(outcomes.rejected(RejectReason.TRADING_HALTED)).as("halted/reducing rejects").isPositive();
        assertThat(outcomes.rejected(RejectReason.OTHER)).as("processor exceptions").isZero();
        assertThat(snapshotSeq).isGreaterThanOrEqualTo(releasedBeforeJournalOnlyCopy);
    }

    @Test
    void thePipelineEndsInTheStateOfADirectRunOfTheWholeStream() {
        TradingEngine direct = directRun(stream.size());

        assertThat(pipelineEndState).isEqualTo(EngineDriver.bytes(direct.snapshotParts()));
    }

    @Test
    void aCrashImageOfTheJournalRecoversTheStateOfAnUninterruptedRun() throws IOException {
        TradingEngine recovered = new TradingEngine(0);
        List<String> reports = new ArrayList<>();

        Recovery.Result result = Recovery.run(journalOnlyImage, recovered.snapshotParts(), recovered, reports::add);

        assertThat(result.snapshotSeq()).isZero();
        assertThat(result.lastSeq()).isGreaterThanOrEqualTo(releasedBeforeJournalOnlyCopy)
                .isLessThanOrEqualTo(stream.size());
        assertThat(result.replayed()).isEqualTo(result.lastSeq());
        assertThat(result.processorFailures()).isZero();
        assertSameState(recovered, directRun(result.lastSeq()), result.lastSeq());
    }

    @Test
    void aCrashImageWithASnapshotRecoversTheStateOfAnUninterruptedRun() throws IOException {
        TradingEngine recovered = new TradingEngine(0);
        List<String> reports = new ArrayList<>();

        Recovery.Result result = Recovery.run(snapshotImage, recovered.snapshotParts(), recovered, reports::add);

        assertThat(result.snapshotSeq()).as("recovery report %s", reports).isEqualTo(snapshotSeq);
        assertThat(result.lastSeq()).isGreaterThanOrEqualTo(releasedBeforeSnapshotCopy)
                .isLessThanOrEqualTo(stream.size());
        assertThat(result.replayed()).isEqualTo(result.lastSeq() - snapshotSeq);
        assertThat(result.processorFailures()).isZero();
        assertSameState(recovered, directRun(result.lastSeq()), result.lastSeq());
    }

    @Test
    void theSnapshotAloneHoldsTheStateOfAnUninterruptedRunAtItsSeq() throws IOException {
        Path onlySnapshot = copy(snapshotImage, dir.resolve("only-snapshot"));
        try (Stream<Path> files = Files.list(onlySnapshot)) {
            for (Path f : files.toList()) {
                if (f.getFileName().toString().startsWith(JournalSegments.PREFIX)) {
                    Files.delete(f);
                }
            }
        }
        TradingEngine recovered = new TradingEngine(0);

        Recovery.Result result = Recovery.run(onlySnapshot, recovered.snapshotParts(), recovered, line -> { });

        assertThat(result.lastSeq()).isEqualTo(snapshotSeq);
        assertThat(result.replayed()).isZero();
        assertSameState(recovered, directRun(snapshotSeq), snapshotSeq);
    }

    @Test
    void aTornTailRecoversToTheLastWholeRecordAndEqualsTheUninterruptedRunUpToIt() throws IOException {
        Path torn = copy(journalOnlyImage, dir.resolve("torn"));
        Path last = lastSegmentWithRecords(torn);
        try (FileChannel ch = FileChannel.open(last, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - 3);
        }
        long expectedLast = lastWholeRecordSeq(last);
        TradingEngine recovered = new TradingEngine(0);
        List<String> reports = new ArrayList<>();

        Recovery.Result result = Recovery.run(torn, recovered.snapshotParts(), recovered, reports::add);

        assertThat(result.tailRepaired()).as("reports %s", reports).isTrue();
        assertThat(result.lastSeq()).isEqualTo(expectedLast);
        assertSameState(recovered, directRun(expectedLast), expectedLast);

        TradingEngine again = new TradingEngine(0);
        Recovery.Result second = Recovery.run(torn, again.snapshotParts(), again, line -> { });
        assertThat(second.tailRepaired()).isFalse();
        assertThat(second.lastSeq()).isEqualTo(expectedLast);
        assertThat(EngineDriver.bytes(again.snapshotParts())).isEqualTo(EngineDriver.bytes(recovered.snapshotParts()));
    }

    // ------------------------------------------------------------------ helpers

    /** A fresh engine that processed the first {@code upTo} commands directly, as the business thread does. */
    static TradingEngine directRun(long upTo) {
        TradingEngine engine = new TradingEngine(0);
        Command c = new Command();
        long failures = 0;
        for (int k = 0; k < upTo; k++) {
            stream.fill(k, c);
            if (Recovery.process(engine, c) != null) {
                failures++;
            }
        }
        assertThat(failures).as("processor exceptions in the direct run").isZero();
        return engine;
    }

    static void assertSameState(TradingEngine recovered, TradingEngine direct, long seq) {
        List<Snapshotable> a = recovered.snapshotParts();
        List<Snapshotable> b = direct.snapshotParts();
        for (int i = 0; i < a.size(); i++) {
            assertThat(EngineDriver.bytes(List.of(a.get(i))))
                    .as("snapshot part %d (%s) at seq %d", i, a.get(i).getClass().getSimpleName(), seq)
                    .isEqualTo(EngineDriver.bytes(List.of(b.get(i))));
        }
        assertThat(recovered.matching().workingOrders()).isEqualTo(direct.matching().workingOrders());
        assertThat(recovered.matching().instruments()).isEqualTo(direct.matching().instruments());
        assertThat(recovered.positions().allPositions()).isEqualTo(direct.positions().allPositions());
        assertThat(recovered.risk().tradingStates()).isEqualTo(direct.risk().tradingStates());
        assertThat(recovered.risk().workingOrders()).isEqualTo(direct.risk().workingOrders());
        assertThat(recovered.risk().limits().limits()).isEqualTo(direct.risk().limits().limits());
        assertThat(recovered.registry().view()).isEqualTo(direct.registry().view());
        assertThat(recovered.maxOrderId()).isEqualTo(direct.maxOrderId());
        for (int account = 0; account < 20; account++) {
            assertThat(recovered.positions().totals(account)).isEqualTo(direct.positions().totals(account));
            assertThat(recovered.risk().dailyLoss(account)).isEqualTo(direct.risk().dailyLoss(account));
        }
    }

    static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        List<Path> files;
        try (Stream<Path> listing = Files.list(from)) {
            files = listing.sorted().toList();
        }
        for (Path file : files) {
            if (Files.isRegularFile(file)) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
        return to;
    }

    static Path lastSegmentWithRecords(Path journal) throws IOException {
        List<Path> segments;
        try (Stream<Path> listing = Files.list(journal)) {
            segments = listing.filter(p -> p.getFileName().toString().startsWith(JournalSegments.PREFIX))
                    .sorted().toList();
        }
        for (int i = segments.size() - 1; i >= 0; i--) {
            if (Files.size(segments.get(i)) > 16 + 8 + 92) {
                return segments.get(i);
            }
            Files.delete(segments.get(i));
        }
        throw new AssertionError("no journal segment with records in " + journal);
    }

    /** Walks a segment's records by their length fields (format: 16-byte header with the first seq, then records). */
    static long lastWholeRecordSeq(Path segment) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(segment)).order(ByteOrder.LITTLE_ENDIAN);
        long first = b.getLong(8);
        long whole = 0;
        int pos = 16;
        while (pos + 8 <= b.limit()) {
            int length = b.getInt(pos);
            if (length <= 0 || pos + 8L + length > b.limit()) {
                break;
            }
            pos += 8 + length;
            whole++;
        }
        assertThat(pos).as("the cut leaves part of a record").isLessThan(b.limit());
        return first + whole - 1;
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(1);
        }
    }
}
