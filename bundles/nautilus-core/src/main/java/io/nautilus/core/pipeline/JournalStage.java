package io.nautilus.core.pipeline;

import com.lmax.disruptor.EventHandler;
import io.nautilus.core.Command;
import io.nautilus.core.LatencyRecorder;
import io.nautilus.core.journal.JournalWriter;

import java.util.function.Consumer;

/**
 * Journal handler: appends every command to the journal and ends each batch with a write (and a force, per the
 * fsync policy) before its sequence advances, so the publish handler only sees journaled commands. It never throws:
 * on an I/O failure it records the failure and the first seq that may not be journaled, appends nothing more, and
 * the pipeline withholds those results and refuses new commands.
 */
final class JournalStage implements EventHandler<Command> {

    private static final io.nautilus.core.CoreLogger LOG = io.nautilus.core.CoreLogger.of(JournalStage.class);

    private final JournalWriter writer;
    private final int cpu;
    private final Consumer<String> pinReport;
    private long batchFirstSeq;
    private final LatencyRecorder latency = new LatencyRecorder();
    private final long[] sampledIngress = new long[64];
    private int sampled;

    private volatile Throwable failure;
    private volatile long failedFromSeq = Long.MAX_VALUE;

    JournalStage(JournalWriter writer, int cpu, Consumer<String> pinReport) {
        this.writer = writer;
        this.cpu = cpu;
        this.pinReport = pinReport;
    }

    @Override
    public void onStart() {
        if (cpu >= 0) {
            pinReport.accept(CpuPinning.pinCurrentThread(cpu));
        }
    }

    @Override
    public void onEvent(Command command, long sequence, boolean endOfBatch) {
        if (failure != null) {
            return;
        }
        if (batchFirstSeq == 0) {
            batchFirstSeq = command.seq;
        }
        if (command.ingressNanos != 0 && sampled < sampledIngress.length) {
            sampledIngress[sampled++] = command.ingressNanos;
        }
        try {
            writer.append(command);
            if (endOfBatch) {
                writer.endOfBatch();
                batchFirstSeq = 0;
                recordSampled();
            }
        } catch (Throwable e) {
            fail(batchFirstSeq, e);
        }
    }

    private void recordSampled() {
        if (sampled > 0) {
            long now = System.nanoTime();
            for (int i = 0; i < sampled; i++) {
                latency.record(now - sampledIngress[i]);
            }
            sampled = 0;
        }
    }

    /** @return sampled commands' time from ingress to durable in the journal (any thread) */
    LatencyRecorder latency() {
        return latency;
    }

    @Override
    public void onTimeout(long sequence) {
        if (failure != null) {
            return;
        }
        try {
            writer.maybeForce();
        } catch (Throwable e) {
            fail(writer.writtenSeq() + 1, e);
        }
    }

    @Override
    public void onShutdown() {
        try {
            writer.close();
        } catch (Throwable e) {
            LOG.error("closing the journal failed; records after seq {} may not be durable", writer.durableSeq(), e);
        }
    }

    private void fail(long fromSeq, Throwable e) {
        failedFromSeq = fromSeq;
        failure = e;
        LOG.error("journal failed at seq {}: results from this seq on are withheld and new commands refused;"
                + " restart the core to recover from the journal", fromSeq, e);
    }

    /** @return the failure that stopped the journal, or null */
    Throwable failure() {
        return failure;
    }

    /** @return first seq whose result must be withheld, {@link Long#MAX_VALUE} if the journal is fine */
    long failedFromSeq() {
        return failedFromSeq;
    }

    /** @return the writer (statistics are safe to read from any thread) */
    JournalWriter writer() {
        return writer;
    }
}
