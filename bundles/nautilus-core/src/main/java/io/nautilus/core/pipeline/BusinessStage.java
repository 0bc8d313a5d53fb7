package io.nautilus.core.pipeline;

import com.lmax.disruptor.EventHandler;
import io.nautilus.core.Command;
import io.nautilus.core.CommandProcessor;
import io.nautilus.core.LatencyRecorder;
import io.nautilus.core.journal.Recovery;

import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Business handler: runs the {@link CommandProcessor} on each command (outcome cleared first; a command whose
 * processing throws is rejected with OTHER and the pipeline goes on), and between commands (end of a batch, or an
 * idle tick) runs the queued control tasks whose commands have all been processed.
 */
final class BusinessStage implements EventHandler<Command> {

    private static final io.nautilus.core.CoreLogger LOG = io.nautilus.core.CoreLogger.of(BusinessStage.class);

    private final CommandProcessor processor;
    private final Queue<ControlTask> controls;
    private final AtomicInteger unfinishedControls;
    private final int cpu;
    private final Consumer<String> pinReport;

    private final LatencyRecorder latency = new LatencyRecorder();
    private long lastSeq;
    private long lastTimestamp;
    private long count;
    private long failures;

    private volatile long processedSeq;
    private volatile long processedCount;
    private volatile long failureCount;

    BusinessStage(CommandProcessor processor, Queue<ControlTask> controls, AtomicInteger unfinishedControls,
                  long recoveredSeq, long recoveredTimestamp, int cpu, Consumer<String> pinReport) {
        this.processor = processor;
        this.controls = controls;
        this.unfinishedControls = unfinishedControls;
        this.cpu = cpu;
        this.pinReport = pinReport;
        this.lastSeq = recoveredSeq;
        this.lastTimestamp = recoveredTimestamp;
        this.processedSeq = recoveredSeq;
    }

    @Override
    public void onStart() {
        if (cpu >= 0) {
            pinReport.accept(CpuPinning.pinCurrentThread(cpu));
        }
    }

    @Override
    public void onEvent(Command command, long sequence, boolean endOfBatch) {
        Throwable failure = Recovery.process(processor, command);
        if (command.ingressNanos != 0) {
            latency.record(System.nanoTime() - command.ingressNanos);
        }
        if (failure != null) {
            failures++;
            failureCount = failures;
            if (Long.bitCount(failures) == 1) {
                LOG.error("processing {} threw; the command is rejected (OTHER) and the pipeline goes on ({} such"
                        + " commands so far; logged at powers of two)", command, failures, failure);
            }
        }
        lastSeq = command.seq;
        lastTimestamp = command.timestamp;
        count++;
        if (endOfBatch) {
            processedSeq = lastSeq;
            processedCount = count;
            runControls(sequence);
        }
    }

    /** @return sampled commands' time from ingress to processed (any thread) */
    LatencyRecorder latency() {
        return latency;
    }

    @Override
    public void onTimeout(long sequence) {
        runControls(sequence);
    }

    private void runControls(long processedSequence) {
        ControlTask task;
        while ((task = controls.peek()) != null && task.target <= processedSequence) {
            controls.poll();
            try {
                task.run(lastSeq, lastTimestamp);
            } finally {
                unfinishedControls.decrementAndGet();
            }
        }
    }

    long processedSeq() {
        return processedSeq;
    }

    long processedCount() {
        return processedCount;
    }

    long failureCount() {
        return failureCount;
    }
}
