package io.nautilus.core.pipeline;

import io.nautilus.core.Command;
import io.nautilus.core.journal.Accumulator;
import io.nautilus.core.journal.Commands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reads of the result handler's state on the publish thread ({@link CorePipeline#queryPublished}) and the replay
 * handler ({@link CorePipeline#replayTo}): what the core's order memory relies on. Run against each
 * {@link PipelineLayout} ({@link ParallelLayoutPublishedQueryTest}, {@link CompactLayoutPublishedQueryTest}).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
abstract class PublishedQueryTest {

    /** @return the layout under test */
    abstract PipelineLayout layout();

    @TempDir
    Path dir;

    private final List<CorePipeline<?>> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(CorePipeline::stop);
    }

    /** A result handler that counts the commands handed to it; its count is owned by the publish thread. */
    static final class Counting implements ResultHandler {
        long handled;
        long lastSeq;

        @Override
        public void onResult(Command command, boolean endOfBatch) {
            handled++;
            lastSeq = command.seq;
        }
    }

    private CorePipeline<Accumulator> pipeline(ResultHandler results, ResultHandler replay) throws Exception {
        PipelineConfig config = PipelineConfig.from(Map.of("journal.dir", dir.resolve("journal").toString(),
                "ring.size", 1024, "journal.fsync", "none", "pipeline.layout", layout().label()));
        Accumulator accumulator = new Accumulator();
        CorePipeline<Accumulator> pipeline = new CorePipeline<>(config, accumulator, List.of(accumulator), results);
        if (replay != null) {
            pipeline.replayTo(replay);
        }
        started.add(pipeline);
        pipeline.start();
        return pipeline;
    }

    @Test
    void aPublishedQuerySeesEveryCommandPublishedBeforeItOnThePublishThread() throws Exception {
        Counting counting = new Counting();
        CorePipeline<Accumulator> pipeline = pipeline(counting, null);
        long last = 0;
        for (long i = 1; i <= 5_000; i++) {
            last = pipeline.publish(Commands::fill, i);
        }

        record Seen(long handled, long lastSeq, String thread) {
        }
        Seen seen = pipeline.queryPublished(() -> new Seen(counting.handled, counting.lastSeq,
                Thread.currentThread().getName())).get(10, TimeUnit.SECONDS);

        assertThat(seen.handled()).isEqualTo(5_000);
        assertThat(seen.lastSeq()).isEqualTo(last);
        assertThat(seen.thread()).isEqualTo(layout().resultThread());
    }

    @Test
    void anIdlePipelineAnswersAPublishedQueryAndAFailingOneFailsItsFuture() throws Exception {
        CorePipeline<Accumulator> pipeline = pipeline(new Counting(), null);

        assertThat(pipeline.queryPublished(() -> "idle").get(10, TimeUnit.SECONDS)).isEqualTo("idle");
        CompletableFuture<Object> failing = pipeline.queryPublished(() -> {
            throw new IllegalStateException("broken read");
        });
        assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasRootCauseMessage("broken read");
    }

    @Test
    void aStoppedPipelineFailsAPublishedQuery() throws Exception {
        CorePipeline<Accumulator> pipeline = pipeline(new Counting(), null);
        pipeline.stop();

        assertThatThrownBy(() -> pipeline.queryPublished(() -> 1).get(10, TimeUnit.SECONDS))
                .hasRootCauseMessage("pipeline is STOPPED");
    }

    @Test
    void theReplayHandlerGetsEveryReplayedCommandProcessedBeforeTheThreadsStart() throws Exception {
        CorePipeline<Accumulator> first = pipeline(new Counting(), null);
        for (long i = 1; i <= 300; i++) {
            first.publish(Commands::fill, i);
        }
        first.stop();
        List<Long> replayed = new ArrayList<>();
        List<String> threads = new ArrayList<>();

        pipeline((c, end) -> {
            throw new AssertionError("no live command in this test");
        }, (c, endOfBatch) -> {
            replayed.add(c.seq);
            threads.add(Thread.currentThread().getName());
        });

        assertThat(replayed).hasSize(300).startsWith(1L, 2L).endsWith(300L);
        assertThat(threads).containsOnly(Thread.currentThread().getName());
    }

    @Test
    void theReplayHandlerIsSetBeforeStart() throws Exception {
        CorePipeline<Accumulator> pipeline = pipeline(new Counting(), null);

        assertThatThrownBy(() -> pipeline.replayTo((c, end) -> { })).isInstanceOf(IllegalStateException.class)
                .hasMessage("pipeline is RUNNING; set the replay handler before start");
    }
}
