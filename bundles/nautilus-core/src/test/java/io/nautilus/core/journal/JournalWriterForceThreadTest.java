package io.nautilus.core.journal;

import io.nautilus.core.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Group commit: BATCH forces on the writer's fsync thread while the writing thread writes on. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JournalWriterForceThreadTest {

    static final JournalWriter.Options BATCH = new JournalWriter.Options(FsyncPolicy.BATCH, 10,
            JournalWriter.Options.DEFAULT_SEGMENT_BYTES, 256 << 10);

    @TempDir
    Path dir;

    /** Records what the fsync thread reports. */
    static final class Heard implements JournalWriter.ForceListener {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void forced(long seq) {
            events.add("forced " + seq);
        }

        @Override
        public void failed(long fromSeq, long seq, Throwable failure) {
            events.add("failed " + fromSeq + ".." + seq + ": " + failure.getMessage());
        }
    }

    static void append(JournalWriter writer, long seq) throws IOException {
        Command c = new Command();
        Commands.fill(c, seq);
        c.seq = seq;
        writer.append(c);
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

    @Test
    void endOfBatchHandsTheForceOnAndTheNextBatchIsWrittenWhileItRuns() throws Exception {
        HeldChannels channels = new HeldChannels();
        Heard heard = new Heard();
        try (JournalWriter writer = JournalWriter.open(dir, 1, BATCH, line -> { }, channels)) {
            writer.forceOnThread("test-fsync", heard);
            channels.holdForces();
            append(writer, 1);
            writer.endOfBatch();
            await(() -> channels.forcesWaiting() == 1, "the force of seq 1 held");
            append(writer, 2);
            append(writer, 3);
            writer.endOfBatch();

            assertThat(writer.writtenSeq()).isEqualTo(3);
            assertThat(writer.durableSeq()).isZero();
            assertThat(heard.events).isEmpty();
            channels.releaseForces();
            await(() -> writer.durableSeq() == 3, "seq 3 durable");
            assertThat(heard.events).containsExactly("forced 1", "forced 3");
            assertThat(writer.forceCount()).isEqualTo(2);
        }
        assertThat(JournalRoundTripTest.read(dir, 0)).hasSize(3);
    }

    @Test
    void aFailedForceIsReportedForItsSeqsAndEveryLaterOneAndCloseFails() throws Exception {
        HeldChannels channels = new HeldChannels();
        Heard heard = new Heard();
        JournalWriter writer = JournalWriter.open(dir, 1, BATCH, line -> { }, channels);
        writer.forceOnThread("test-fsync", heard);
        append(writer, 1);
        writer.endOfBatch();
        await(() -> writer.durableSeq() == 1, "seq 1 durable");
        channels.failForces(new IOException("device gone"));
        append(writer, 2);
        writer.endOfBatch();
        await(() -> heard.events.size() == 2, "the failure");
        append(writer, 3);
        writer.endOfBatch();
        await(() -> heard.events.size() == 3, "the second request's failure");

        assertThat(heard.events).containsExactly("forced 1", "failed 2..2: device gone", "failed 2..3: device gone");
        assertThat(writer.durableSeq()).isEqualTo(1);
        assertThatThrownBy(writer::close).isInstanceOf(IOException.class).hasMessageContaining("device gone");
    }

    @Test
    void onlyTheBatchPolicyForcesOnAThread() throws Exception {
        JournalWriter.Options none = new JournalWriter.Options(FsyncPolicy.NONE, 10,
                JournalWriter.Options.DEFAULT_SEGMENT_BYTES, 256 << 10);
        try (JournalWriter writer = JournalWriter.open(dir, 1, none, line -> { })) {
            assertThatThrownBy(() -> writer.forceOnThread("test-fsync", new Heard()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("not NONE");
            assertThat(writer.forcesOnThread()).isFalse();
        }
    }
}
