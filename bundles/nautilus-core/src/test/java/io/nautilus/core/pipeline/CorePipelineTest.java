package io.nautilus.core.pipeline;

import io.nautilus.api.order.RejectReason;
import io.nautilus.core.Command;
import io.nautilus.core.CommandProcessor;
import io.nautilus.core.Op;
import io.nautilus.core.journal.Accumulator;
import io.nautilus.core.journal.Commands;
import io.nautilus.core.journal.HeldChannels;
import io.nautilus.core.journal.JournalReader;
import io.nautilus.core.journal.JournalSegments;
import io.nautilus.core.journal.Recovery;
import io.nautilus.core.journal.SnapshotStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pipeline's contract, run against each {@link PipelineLayout} ({@link ParallelLayoutPipelineTest},
 * {@link CompactLayoutPipelineTest}).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
abstract class CorePipelineTest {

    /** @return the layout under test */
    abstract PipelineLayout layout();

    static final CommandTranslator<Long> NUMBERED = (c, i) -> Commands.fill(c, i);

    @TempDir
    Path dir;

    private final List<CorePipeline<?>> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(CorePipeline::stop);
    }

    PipelineConfig config(Object... keyValues) {
        Map<String, Object> map = new HashMap<>();
        map.put("journal.dir", dir.resolve("journal").toString());
        map.put("ring.size", 1024);
        map.put("journal.fsync", "none");
        map.put("pipeline.layout", layout().label());
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return PipelineConfig.from(map);
    }

    <P extends CommandProcessor> CorePipeline<P> start(PipelineConfig config, P processor, List<Accumulator> parts,
                                                       Results results) throws IOException {
        CorePipeline<P> pipeline = new CorePipeline<>(config, processor, parts, results);
        results.pipeline.set(pipeline);
        started.add(pipeline);
        pipeline.start();
        return pipeline;
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(2);
        }
    }

    static Accumulator.State reference(long to) {
        Accumulator acc = new Accumulator();
        Command c = new Command();
        for (long i = 1; i <= to; i++) {
            c.clear();
            Commands.fill(c, i);
            c.seq = i;
            Recovery.process(acc, c);
        }
        return acc.state();
    }

    static Map<Long, Long> journalOrderIds(Path journal) throws IOException {
        Map<Long, Long> bySeq = new HashMap<>();
        try (JournalReader reader = new JournalReader(journal, 0)) {
            Command c = new Command();
            while (reader.next(c)) {
                bySeq.put(c.seq, c.orderId);
            }
            assertThat(reader.problem()).isNull();
        }
        return bySeq;
    }

    @Test
    void commandsFromFourThreadsAreEachProcessedOnceInSeqOrderAndReleasedOnlyOnceJournaled() throws Exception {
        int perThread = 2_500;
        int total = 4 * perThread;
        Accumulator acc = new Accumulator(true);
        Results results = new Results(total, 1);
        CorePipeline<Accumulator> pipeline = start(config(), acc, List.of(acc), results);
        Set<Long> returned = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<Thread> producers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            long offset = t * 1_000_000L;
            producers.add(new Thread(() -> {
                for (long k = 1; k <= perThread; k++) {
                    returned.add(pipeline.publish(NUMBERED, offset + k));
                }
            }, "producer-" + t));
        }
        producers.forEach(Thread::start);
        for (Thread producer : producers) {
            producer.join(20_000);
        }
        await(() -> results.count == total, "all results");
        assertThat(results.orderViolations).isZero();
        assertThat(results.journalViolations).isZero();
        assertThat(results.thread).isEqualTo(layout().resultThread());
        assertThat(pipeline.stats().processedCount()).isEqualTo(total);
        pipeline.stop();
        List<Long> expected = new ArrayList<>();
        for (long s = 1; s <= total; s++) {
            expected.add(s);
        }
        assertThat(acc.seen).containsExactlyElementsOf(expected);
        assertThat(returned).hasSize(total).containsAll(expected);
        Map<Long, Long> journal = journalOrderIds(pipeline.config().journalDir());
        assertThat(journal.keySet()).hasSize(total).containsAll(expected);
        assertThat(new HashSet<>(journal.values())).hasSize(total);
    }

    @Test
    void aRestartRecoversExactlyTheSameStateAndContinuesTheSeq() throws Exception {
        Accumulator acc = new Accumulator();
        Results results = new Results(3_000, 1);
        CorePipeline<Accumulator> first = start(config(), acc, List.of(acc), results);
        for (long i = 1; i <= 3_000; i++) {
            first.publish(NUMBERED, i);
        }
        Accumulator.State before = first.query(Accumulator::state).get(10, TimeUnit.SECONDS);
        first.stop();
        assertThat(before).isEqualTo(reference(3_000));

        Accumulator fresh = new Accumulator();
        CorePipeline<Accumulator> second = start(config(), fresh, List.of(fresh), new Results(10, 3_001));
        assertThat(second.recovery().replayed()).isEqualTo(3_000);
        assertThat(second.recovery().snapshotSeq()).isZero();
        assertThat(second.query(Accumulator::state).get(10, TimeUnit.SECONDS)).isEqualTo(before);
        assertThat(second.publish(NUMBERED, 3_001L)).isEqualTo(3_001);
        assertThat(second.query(Accumulator::state).get(10, TimeUnit.SECONDS)).isEqualTo(reference(3_001));
    }

    @Test
    void aRestartAfterASnapshotLoadsItAndReplaysOnlyTheRest() throws Exception {
        Accumulator acc = new Accumulator();
        CorePipeline<Accumulator> first = start(config(), acc, List.of(acc), new Results(3_000, 1));
        for (long i = 1; i <= 1_500; i++) {
            first.publish(NUMBERED, i);
        }
        assertThat(first.snapshot().get(10, TimeUnit.SECONDS)).isEqualTo(1_500);
        for (long i = 1_501; i <= 3_000; i++) {
            first.publish(NUMBERED, i);
        }
        Accumulator.State before = first.query(Accumulator::state).get(10, TimeUnit.SECONDS);
        assertThat(first.stats().lastSnapshotSeq()).isEqualTo(1_500);
        first.stop();

        Accumulator fresh = new Accumulator();
        CorePipeline<Accumulator> second = start(config(), fresh, List.of(fresh), new Results(10, 3_001));
        assertThat(second.recovery().snapshotSeq()).isEqualTo(1_500);
        assertThat(second.recovery().replayed()).isEqualTo(1_500);
        assertThat(second.query(Accumulator::state).get(10, TimeUnit.SECONDS)).isEqualTo(before)
                .isEqualTo(reference(3_000));
    }

    @Test
    void aCrashImageRecoversTheStateOfAnUninterruptedRunUpToItsLastJournaledSeq() throws Exception {
        int total = 30_000;
        Accumulator acc = new Accumulator();
        Results results = new Results(total, 1);
        CorePipeline<Accumulator> pipeline = start(config(), acc, List.of(acc), results);
        Thread producer = new Thread(() -> {
            for (long i = 1; i <= total; i++) {
                pipeline.publish(NUMBERED, i);
            }
        }, "producer");
        producer.start();
        await(() -> results.count >= 3_000, "3000 results");
        long snapshotSeq = pipeline.snapshot().get(10, TimeUnit.SECONDS);
        await(() -> results.count >= 8_000, "8000 results");
        long releasedBeforeCopy = results.maxReleased;
        Path crash = dir.resolve("crash");
        Files.createDirectories(crash);
        Path journal = pipeline.config().journalDir();
        List<Path> files;
        try (Stream<Path> listing = Files.list(journal)) {
            files = listing.sorted().toList();
        }
        for (Path file : files) {
            Files.copy(file, crash.resolve(file.getFileName()));
        }
        producer.join(20_000);
        pipeline.stop();

        Accumulator recovered = new Accumulator();
        List<String> reports = new ArrayList<>();
        Recovery.Result result = Recovery.run(crash, List.of(recovered), recovered, reports::add);
        assertThat(result.snapshotSeq()).isEqualTo(snapshotSeq);
        assertThat(result.lastSeq()).isGreaterThanOrEqualTo(releasedBeforeCopy).isLessThanOrEqualTo(total);
        assertThat(recovered.state()).isEqualTo(reference(result.lastSeq()));

        try (Stream<Path> snapshots = Files.list(crash)) {
            for (Path file : (Iterable<Path>) snapshots::iterator) {
                if (file.getFileName().toString().startsWith("snapshot-")) {
                    Files.delete(file);
                }
            }
        }
        Accumulator fromJournalOnly = new Accumulator();
        long last = Recovery.recover(crash, List.of(fromJournalOnly), fromJournalOnly, line -> { });
        assertThat(last).isEqualTo(result.lastSeq());
        assertThat(fromJournalOnly.state()).isEqualTo(reference(last));
    }

    @Test
    void aCommandThatThrowsInTheProcessorIsRejectedAndTheOthersGoOn() throws Exception {
        Accumulator acc = new Accumulator();
        acc.throwOnSeq = 5;
        Results results = new Results(10, 1);
        CorePipeline<Accumulator> pipeline = start(config(), acc, List.of(acc), results);
        for (long i = 1; i <= 10; i++) {
            pipeline.publish(NUMBERED, i);
        }
        await(() -> results.count == 10, "10 results");
        for (int i = 0; i < 10; i++) {
            assertThat(results.rejected[i]).as("seq %d rejected", results.seqs[i]).isEqualTo(results.seqs[i] == 5);
        }
        assertThat(results.details[4]).isEqualTo(Recovery.PROCESSOR_EXCEPTION);
        assertThat(pipeline.stats().processorFailures()).isEqualTo(1);
        Accumulator.State before = pipeline.query(Accumulator::state).get(10, TimeUnit.SECONDS);
        assertThat(before.count()).isEqualTo(9);
        pipeline.stop();

        Accumulator fresh = new Accumulator();
        fresh.throwOnSeq = 5;
        CorePipeline<Accumulator> second = start(config(), fresh, List.of(fresh), new Results(1, 11));
        assertThat(second.recovery().processorFailures()).isEqualTo(1);
        assertThat(second.query(Accumulator::state).get(10, TimeUnit.SECONDS)).isEqualTo(before);
    }

    @Test
    void queriesRunOnTheBusinessThreadAfterEverythingPublishedBefore() throws Exception {
        Accumulator acc = new Accumulator(true);
        CorePipeline<Accumulator> pipeline = start(config(), acc, List.of(acc),
                new Results(1_000, 1));
        for (int round = 1; round <= 10; round++) {
            for (long i = (round - 1) * 100L + 1; i <= round * 100L; i++) {
                pipeline.publish(NUMBERED, i);
            }
            assertThat(pipeline.query(a -> a.state().count()).get(10, TimeUnit.SECONDS)).isEqualTo(round * 100L);
        }
        assertThat(pipeline.query(a -> Thread.currentThread().getName()).get(10, TimeUnit.SECONDS))
                .isEqualTo(CorePipeline.BUSINESS_THREAD);
        CompletableFuture<Object> failing = pipeline.query(a -> {
            throw new IllegalStateException("query bug");
        });
        assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("query bug");
        long began = System.nanoTime();
        assertThat(pipeline.query(a -> a.state().count()).get(10, TimeUnit.SECONDS)).isEqualTo(1_000);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began)).as("idle query latency ms")
                .isLessThan(1_000);
    }

    @Test
    void tryPublishReturnsMinusOneWhenTheRingIsFull() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Accumulator acc = new Accumulator();
        CommandProcessor blocking = c -> {
            if (c.seq == 1) {
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            acc.process(c);
        };
        Results results = new Results(100, 1);
        CorePipeline<CommandProcessor> pipeline = start(config("ring.size", 8), blocking, List.of(acc), results);
        long published = 0;
        long refused = 0;
        for (long i = 1; i <= 100 && refused == 0; i++) {
            long seq = pipeline.tryPublish(NUMBERED, i);
            if (seq < 0) {
                refused++;
            } else {
                published++;
                assertThat(seq).isEqualTo(i);
            }
        }
        assertThat(refused).isEqualTo(1);
        assertThat(published).isEqualTo(8);
        assertThat(pipeline.stats().ringRemainingCapacity()).isZero();
        release.countDown();
        await(() -> results.count == 8, "8 results");
        assertThat(pipeline.tryPublish(NUMBERED, 9L)).isEqualTo(9);
    }

    @Test
    void invalidCommandsAndCallsOutsideTheRunningStateAreRefused() throws Exception {
        Accumulator acc = new Accumulator();
        CorePipeline<Accumulator> pipeline = new CorePipeline<>(config(), acc, List.of(acc), new Results(10, 1));
        started.add(pipeline);
        assertThatThrownBy(() -> pipeline.publish(NUMBERED, 1L)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NEW");
        pipeline.start();
        assertThatThrownBy(pipeline::start).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> pipeline.publish(c -> c.orderId = 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("op is not set");
        assertThatThrownBy(() -> pipeline.publish(c -> {
            c.op = Op.ADD_ACCOUNT;
            c.text = "x".repeat(70_000);
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("70000 chars");
        assertThat(pipeline.publish(NUMBERED, 1L)).isEqualTo(1);
        pipeline.stop();
        pipeline.stop();
        assertThatThrownBy(() -> pipeline.publish(NUMBERED, 2L)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("STOPPED");
        assertThatThrownBy(() -> pipeline.query(a -> 1).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyWaitModeProcessesCommandsAndServesIdleQueries() throws Exception {
        for (WaitMode mode : WaitMode.values()) {
            Path journal = dir.resolve("journal-" + mode);
            Accumulator acc = new Accumulator();
            Results results = new Results(600, 1);
            CorePipeline<Accumulator> pipeline = start(config("journal.dir", journal.toString(),
                    "wait.strategy", mode.name(), "idle.tick.ms", 1000), acc, List.of(acc), results);
            Thread other = new Thread(() -> {
                for (long i = 1; i <= 300; i++) {
                    pipeline.publish(c -> c.op = Op.MARK);
                }
            });
            other.start();
            for (long i = 1; i <= 300; i++) {
                pipeline.publish(c -> c.op = Op.MARK);
            }
            other.join(10_000);
            await(() -> results.count == 600, "600 results with " + mode);
            Thread.sleep(20);
            long began = System.nanoTime();
            assertThat(pipeline.query(a -> a.state().count()).get(5, TimeUnit.SECONDS)).as(mode.name())
                    .isEqualTo(600);
            if (mode != WaitMode.BUSY_SPIN && mode != WaitMode.YIELDING) {
                assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began))
                        .as("idle query latency with a 1 s tick, %s (the query wakes the thread)", mode)
                        .isLessThan(500);
            }
            pipeline.stop();
            assertThat(results.orderViolations).isZero();
        }
    }

    @Test
    void stopDrainsEverythingPublishedAndClosesTheJournal() throws Exception {
        Accumulator acc = new Accumulator();
        Results results = new Results(5_000, 1);
        CorePipeline<Accumulator> pipeline = start(config(), acc, List.of(acc), results);
        for (long i = 1; i <= 5_000; i++) {
            pipeline.publish(NUMBERED, i);
        }
        pipeline.stop();
        assertThat(results.count).isEqualTo(5_000);
        assertThat(pipeline.durableSeq()).isEqualTo(5_000);
        assertThat(journalOrderIds(pipeline.config().journalDir())).hasSize(5_000);
        assertThat(pipeline.stats().state()).isEqualTo("STOPPED");
    }

    @Test
    void withBatchFsyncResultsAreReleasedOnlyOnceDurable() throws Exception {
        Accumulator acc = new Accumulator();
        Results results = new Results(300, 1);
        CorePipeline<Accumulator> pipeline = start(config("journal.fsync", "batch"), acc, List.of(acc), results);
        Thread other = new Thread(() -> {
            for (long i = 0; i < 150; i++) {
                pipeline.publish(c -> c.op = Op.MARK);
            }
        });
        other.start();
        for (long i = 0; i < 150; i++) {
            pipeline.publish(c -> c.op = Op.MARK);
        }
        other.join(10_000);
        await(() -> results.count == 300, "300 results");
        assertThat(results.durableViolations).isZero();
        PipelineStats stats = pipeline.stats();
        assertThat(stats.durableSeq()).isEqualTo(300);
        assertThat(stats.fsyncCount()).isPositive();
        assertThat(stats.lastFsyncEpochMillis()).isPositive();
    }

    @Test
    void scheduledSnapshotsAreWrittenAndOldSegmentsDeletedWhenConfigured() throws Exception {
        PipelineConfig config = config("journal.segment.size", 2048, "snapshot.keep", 1,
                "journal.delete.before.snapshot", true).withSnapshotInterval(Duration.ofMillis(100));
        Accumulator acc = new Accumulator();
        CorePipeline<Accumulator> pipeline = start(config, acc, List.of(acc), new Results(500, 1));
        for (long i = 1; i <= 500; i++) {
            pipeline.publish(NUMBERED, i);
        }
        SnapshotStore store = new SnapshotStore(config.journalDir(), 1);
        await(() -> {
            try {
                return store.seqs().equals(List.of(500L)) && JournalSegments.list(config.journalDir()).size() == 1;
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }, "a scheduled snapshot at seq 500 and old segments deleted");
        pipeline.stop();
        Accumulator fresh = new Accumulator();
        CorePipeline<Accumulator> second = start(config, fresh, List.of(fresh), new Results(1, 501));
        assertThat(second.recovery().snapshotSeq()).isEqualTo(500);
        assertThat(second.query(Accumulator::state).get(5, TimeUnit.SECONDS)).isEqualTo(reference(500));
    }

    @Test
    void threadsAreNamedAndPinnedWhereTheOsAllows() throws Exception {
        Accumulator acc = new Accumulator();
        CorePipeline<Accumulator> pipeline = start(config("pin.journal", 1, "pin.business", 0, "pin.publish", 4095),
                acc, List.of(acc), new Results(1, 1));
        int threads = layout().handlerThreads();
        await(() -> pipeline.stats().pinning().size() == threads, threads + " pinning outcomes");
        assertThat(pipeline.stats().layout()).isEqualTo(layout().label());
        List<String> pinning = pipeline.stats().pinning();
        assertThat(pinning).anySatisfy(line -> assertThat(line).contains(CorePipeline.BUSINESS_THREAD));
        Set<String> names = new HashSet<>();
        Thread.getAllStackTraces().keySet().forEach(t -> names.add(t.getName()));
        assertThat(names).contains(CorePipeline.BUSINESS_THREAD);
        if (layout() == PipelineLayout.SINGLE) {
            assertThat(pinning).singleElement().satisfies(line -> assertThat(line).contains(CorePipeline.BUSINESS_THREAD));
        } else {
            assertThat(pinning).anySatisfy(line -> assertThat(line).contains(CorePipeline.JOURNAL_THREAD));
            assertThat(names).contains(CorePipeline.JOURNAL_THREAD);
        }
        if (layout() == PipelineLayout.PARALLEL) {
            assertThat(pinning).anySatisfy(line -> assertThat(line).startsWith("cannot pin")
                    .contains(CorePipeline.PUBLISH_THREAD).contains("4095"));
            assertThat(names).contains(CorePipeline.PUBLISH_THREAD);
        } else {
            assertThat(pinning).noneSatisfy(line -> assertThat(line).contains("4095"));
            assertThat(names).doesNotContain(CorePipeline.PUBLISH_THREAD);
        }
        assertThat(pipeline.publish(NUMBERED, 1L)).isEqualTo(1);
    }

    @Test
    void commandsWithoutATimestampGetStrictlyIncreasingOnesFromTheClock() throws Exception {
        Accumulator acc = new Accumulator();
        Results results = new Results(1_000, 1);
        CorePipeline<Accumulator> pipeline = start(config(), acc, List.of(acc), results);
        long before = System.currentTimeMillis() * 1_000_000L;
        for (int i = 0; i < 1_000; i++) {
            pipeline.publish(c -> c.op = Op.MARK);
        }
        await(() -> results.count == 1_000, "1000 results");
        assertThat(results.timestamps[0]).isGreaterThanOrEqualTo(before);
        for (int i = 1; i < 1_000; i++) {
            assertThat(results.timestamps[i]).isGreaterThan(results.timestamps[i - 1]);
        }
        pipeline.stop();

        AtomicLong fixed = new AtomicLong(42);
        Accumulator other = new Accumulator();
        Results custom = new Results(1, 1);
        CorePipeline<Accumulator> second = new CorePipeline<>(config("journal.dir", dir.resolve("j2").toString()),
                other, List.of(other), custom, fixed::incrementAndGet);
        started.add(second);
        second.start();
        second.publish(c -> c.op = Op.MARK);
        await(() -> custom.count == 1, "1 result");
        assertThat(custom.timestamps[0]).isEqualTo(43);
    }

    @Test
    void aJournalFailureWithholdsResultsAndRefusesNewCommands() throws Exception {
        Accumulator acc = new Accumulator();
        Results results = new Results(20, 1);
        CorePipeline<Accumulator> pipeline = start(config(), acc, List.of(acc), results);
        for (long i = 1; i <= 10; i++) {
            pipeline.publish(NUMBERED, i);
        }
        await(() -> results.count == 10, "10 results");
        java.lang.reflect.Field channel = io.nautilus.core.journal.JournalWriter.class.getDeclaredField("channel");
        channel.setAccessible(true);
        ((java.nio.channels.FileChannel) channel.get(pipeline.journalStage().writer())).close();
        pipeline.publish(NUMBERED, 11L);
        await(() -> pipeline.stats().journalFailure() != null, "the journal failure");
        await(() -> pipeline.processedSeq() == 11, "seq 11 processed");
        Thread.sleep(50);
        assertThat(results.count).as("the unjournaled result is withheld").isEqualTo(10);
        assertThatThrownBy(() -> pipeline.publish(NUMBERED, 12L)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("journal failed");
        assertThatThrownBy(() -> pipeline.snapshot().get(10, TimeUnit.SECONDS))
                .hasMessageContaining("journal failed");
        pipeline.stop();
        Accumulator recovered = new Accumulator();
        assertThat(Recovery.recover(pipeline.config().journalDir(), List.of(recovered), recovered, line -> { }))
                .isEqualTo(10);
        assertThat(recovered.state()).isEqualTo(reference(10));
    }

    @Test
    void startFailsClearlyOnCorruptionBeforeTheJournalsTail() throws Exception {
        PipelineConfig config = config("journal.segment.size", 2048);
        Accumulator acc = new Accumulator();
        CorePipeline<Accumulator> first = start(config, acc, List.of(acc), new Results(300, 1));
        for (long i = 1; i <= 300; i++) {
            first.publish(NUMBERED, i);
        }
        first.stop();
        Path segment = JournalSegments.list(config.journalDir()).get(1).path();
        byte[] bytes = Files.readAllBytes(segment);
        bytes[200] ^= 1;
        Files.write(segment, bytes);
        Accumulator fresh = new Accumulator();
        CorePipeline<Accumulator> second = new CorePipeline<>(config, fresh, List.of(fresh), new Results(1, 1));
        started.add(second);
        assertThatThrownBy(second::start).isInstanceOf(io.nautilus.core.journal.JournalCorruptedException.class)
                .hasMessageContaining(segment.toString()).hasMessageContaining("CRC mismatch");
        assertThat(second.stats().state()).isEqualTo("FAILED");
        assertThatThrownBy(() -> second.publish(NUMBERED, 1L)).isInstanceOf(IllegalStateException.class);
    }

    <P extends CommandProcessor> CorePipeline<P> start(PipelineConfig config, P processor, List<Accumulator> parts,
                                                       Results results, HeldChannels channels) throws IOException {
        CorePipeline<P> pipeline = new CorePipeline<>(config, processor, parts, results).journalChannels(channels);
        results.pipeline.set(pipeline);
        started.add(pipeline);
        pipeline.start();
        return pipeline;
    }

    @Test
    void aResultIsHandedOnOnlyOnceItsJournalWriteIsDone() throws Exception {
        HeldChannels channels = new HeldChannels();
        Accumulator acc = new Accumulator();
        Results results = new Results(11, 1);
        CorePipeline<Accumulator> pipeline = start(config(), acc, List.of(acc), results, channels);
        pipeline.publish(NUMBERED, 1L);
        await(() -> results.count == 1, "the first result");
        channels.holdWrites();
        pipeline.publish(NUMBERED, 2L);
        await(() -> channels.writesWaiting() == 1, "the write of seq 2 held");
        for (long i = 3; i <= 11; i++) {
            pipeline.publish(NUMBERED, i);
        }
        // the single layout's one thread processes seq 2 and is then held in its write; the others process on
        long processed = layout() == PipelineLayout.SINGLE ? 2 : 11;
        await(() -> pipeline.processedSeq() == processed,
                "seq " + processed + " processed while the journal write of seq 2 is held");
        Thread.sleep(50);
        assertThat(results.count).as("results released while their journal write is held").isEqualTo(1);
        channels.releaseWrites();
        await(() -> results.count == 11, "11 results");
        assertThat(results.journalViolations).isZero();
        assertThat(results.orderViolations).isZero();
    }

    @Test
    void aResultIsHandedOnOnlyOnceItsCommandIsProcessed() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Accumulator acc = new Accumulator();
        CommandProcessor holding = c -> {
            if (c.seq == 3) {
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            acc.process(c);
        };
        Results results = new Results(10, 1);
        CorePipeline<CommandProcessor> pipeline = start(config(), holding, List.of(acc), results);
        pipeline.publish(NUMBERED, 1L);
        pipeline.publish(NUMBERED, 2L);
        await(() -> results.count == 2, "2 results");
        for (long i = 3; i <= 10; i++) {
            pipeline.publish(NUMBERED, i);
        }
        // the single layout journals a command after processing it; the others journal on in parallel
        long journaled = layout() == PipelineLayout.SINGLE ? 2 : 10;
        await(() -> pipeline.journaledSeq() == journaled, journaled + " journaled while seq 3 is being processed");
        Thread.sleep(50);
        assertThat(results.count).as("results released before their command was processed").isEqualTo(2);
        release.countDown();
        await(() -> results.count == 10, "10 results");
        assertThat(results.orderViolations).isZero();
        assertThat(acc.state()).isEqualTo(reference(10));
    }

    @Test
    void withBatchFsyncTheJournalWritesOnWhileAForceIsHeldAndResultsWaitForTheirForce() throws Exception {
        HeldChannels channels = new HeldChannels();
        Accumulator acc = new Accumulator();
        Results results = new Results(11, 1);
        CorePipeline<Accumulator> pipeline = start(config("journal.fsync", "batch"), acc, List.of(acc), results,
                channels);
        pipeline.publish(NUMBERED, 1L);
        await(() -> results.count == 1, "the first result");
        channels.holdForces();
        for (long i = 2; i <= 11; i++) {
            pipeline.publish(NUMBERED, i);
        }
        await(() -> pipeline.processedSeq() == 11 && pipeline.journaledSeq() == 11 && channels.forcesWaiting() == 1,
                "seq 11 processed and written while a force is held (group commit)");
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .contains(CorePipeline.FSYNC_THREAD);
        Thread.sleep(50);
        assertThat(results.count).as("results released while their force is held").isEqualTo(1);
        assertThat(pipeline.durableSeq()).isEqualTo(1);
        channels.releaseForces();
        await(() -> results.count == 11, "11 results");
        assertThat(results.durableViolations).isZero();
        assertThat(pipeline.durableSeq()).isEqualTo(11);
    }

    @Test
    void withBatchFsyncSegmentRollsWaitForTheFsyncThreadAndLoseNothing() throws Exception {
        Accumulator acc = new Accumulator();
        Results results = new Results(3_000, 1);
        CorePipeline<Accumulator> pipeline = start(config("journal.fsync", "batch", "journal.segment.size", 2048), acc,
                List.of(acc), results);
        Thread other = new Thread(() -> {
            for (long i = 1; i <= 1_500; i++) {
                pipeline.publish(NUMBERED, 1_000_000 + i);
            }
        });
        other.start();
        for (long i = 1; i <= 1_500; i++) {
            pipeline.publish(NUMBERED, i);
        }
        other.join(20_000);
        await(() -> results.count == 3_000, "3000 results");
        assertThat(results.durableViolations).isZero();
        assertThat(results.orderViolations).isZero();
        pipeline.stop();
        assertThat(JournalSegments.list(pipeline.config().journalDir()).size()).isGreaterThan(10);
        assertThat(journalOrderIds(pipeline.config().journalDir())).hasSize(3_000);
        assertThat(pipeline.durableSeq()).isEqualTo(3_000);
    }

    @Test
    void aFailedForceWithholdsResultsRefusesNewCommandsAndStopStillDrains() throws Exception {
        HeldChannels channels = new HeldChannels();
        Accumulator acc = new Accumulator();
        Results results = new Results(20, 1);
        CorePipeline<Accumulator> pipeline = start(config("journal.fsync", "batch"), acc, List.of(acc), results,
                channels);
        for (long i = 1; i <= 5; i++) {
            pipeline.publish(NUMBERED, i);
        }
        await(() -> results.count == 5, "5 results");
        channels.failForces(new IOException("device gone"));
        pipeline.publish(NUMBERED, 6L);
        await(() -> pipeline.journalFailure() != null, "the journal failure");
        await(() -> pipeline.processedSeq() == 6, "seq 6 processed");
        Thread.sleep(50);
        assertThat(results.count).as("results of unforced commands are withheld").isEqualTo(5);
        assertThat(pipeline.journalFailure()).hasMessage("device gone");
        assertThat(pipeline.durableSeq()).isEqualTo(5);
        assertThatThrownBy(() -> pipeline.publish(NUMBERED, 7L)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("journal failed");
        long began = System.nanoTime();
        pipeline.stop();
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began)).as("stop drains at once")
                .isLessThan(10);
        assertThat(results.count).isEqualTo(5);
        assertThat(pipeline.stats().state()).isEqualTo("STOPPED");
    }

    /** State a result handler keeps on the publish thread: the last seq handed to it. */
    static final class LastHandled implements ResultHandler, io.nautilus.core.Snapshotable {
        long last;
        volatile String capturedOn;

        @Override
        public void onResult(Command command, boolean endOfBatch) {
            last = command.seq;
        }

        @Override
        public void writeSnapshot(java.io.DataOutput out) throws IOException {
            capturedOn = Thread.currentThread().getName();
            out.writeLong(last);
        }

        @Override
        public void readSnapshot(java.io.DataInput in) throws IOException {
            last = in.readLong();
        }
    }

    @Test
    void publishedPartsAreCapturedOnThePublishThreadAtExactlyTheSnapshotsSeq() throws Exception {
        LastHandled handled = new LastHandled();
        Accumulator acc = new Accumulator();
        CorePipeline<Accumulator> pipeline = new CorePipeline<>(config("snapshot.keep", 100), acc, List.of(acc),
                handled).publishedParts(List.of(handled));
        started.add(pipeline);
        pipeline.start();
        int perThread = 3_000;
        List<Thread> publishers = new ArrayList<>();
        AtomicLong next = new AtomicLong(1);
        for (int t = 0; t < 2; t++) {
            Thread publisher = new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    pipeline.publish(NUMBERED, next.getAndIncrement());
                }
            });
            publishers.add(publisher);
            publisher.start();
        }
        List<Long> snapshots = new ArrayList<>();
        while (publishers.stream().anyMatch(Thread::isAlive) || snapshots.size() < 3) {
            snapshots.add(pipeline.snapshot().get(10, TimeUnit.SECONDS));
        }
        for (Thread publisher : publishers) {
            publisher.join();
        }
        snapshots.add(pipeline.snapshot().get(10, TimeUnit.SECONDS));

        assertThat(handled.capturedOn).isEqualTo(layout().resultThread());
        SnapshotStore store = new SnapshotStore(dir.resolve("journal"), 100);
        for (long seq : new HashSet<>(snapshots)) {
            Accumulator loaded = new Accumulator();
            LastHandled loadedHandled = new LastHandled();
            assertThat(store.load(List.of(loaded, loadedHandled), line -> { }, seq).seq()).isEqualTo(seq);
            assertThat(loadedHandled.last).as("published part of the snapshot at seq %d", seq).isEqualTo(seq);
        }
        assertThat(snapshots.get(snapshots.size() - 1)).isEqualTo(2L * perThread);
    }

    @Test
    void metricsSampleOneCommandInSixteenAtEveryStageAndTimeEachFsync() throws Exception {
        Accumulator acc = new Accumulator();
        CorePipeline<Accumulator> pipeline = start(config("journal.fsync", "batch"), acc, List.of(acc),
                new Results(64, 1));
        for (long i = 1; i <= 64; i++) {
            pipeline.publish(NUMBERED, i);
        }
        await(() -> pipeline.metrics().publishLatency().count() == 4, "4 sampled results");

        io.nautilus.core.api.CoreMetrics metrics = pipeline.metrics();
        assertThat(metrics.processedCommands()).isEqualTo(64);
        assertThat(metrics.ringSize()).isEqualTo(1024);
        assertThat(metrics.processLatency().count()).isEqualTo(4);
        assertThat(metrics.journalLatency().count()).isEqualTo(4);
        assertThat(metrics.fsyncs()).isPositive();
        assertThat(metrics.fsyncLatency().count()).isEqualTo(metrics.fsyncs());
        assertThat(metrics.publishLatency().sumNanos()).isPositive();
    }
}
