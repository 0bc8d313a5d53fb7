package io.nautilus.core.pipeline;

import com.lmax.disruptor.EventHandler;
import io.nautilus.core.Command;
import io.nautilus.core.EventLog;
import io.nautilus.core.LatencyRecorder;

import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Publish handler, gated on both the journal and the business handler: hands each processed and journaled command
 * to the {@link ResultHandler}. Results of commands the journal failed to write are withheld. Afterwards the slot's
 * references (text, attachment, reply) are dropped, so the ring does not keep them alive until it wraps, and its
 * events' records in the {@link EventLog} are released for the business thread to write again. Between
 * commands (end of a batch, or an idle tick) it runs the queued publish-side control tasks whose commands have all
 * been handed to the result handler: reads of state the result handler owns. Snapshot captures of that state run
 * right after the snapshot's last command was handed over (at the latest before the next one), so they see exactly
 * the state at that seq.
 */
final class PublishStage implements EventHandler<Command> {

    private final LatencyRecorder latency = new LatencyRecorder();

    private static final io.nautilus.core.CoreLogger LOG = io.nautilus.core.CoreLogger.of(PublishStage.class);

    private final ResultHandler results;
    private final EventLog events;
    private final JournalStage journal;
    private final int cpu;
    private final Consumer<String> pinReport;
    private final Queue<ControlTask> controls;
    private final AtomicInteger unfinishedControls;
    private final Queue<Capture> captures;
    private long withheld;
    private long failures;
    private long handledSeq;

    private volatile long publishedSeq;

    PublishStage(ResultHandler results, EventLog events, JournalStage journal, long recoveredSeq, int cpu,
                 Consumer<String> pinReport, Queue<ControlTask> controls, AtomicInteger unfinishedControls,
                 Queue<Capture> captures) {
        this.results = results;
        this.events = events;
        this.captures = captures;
        this.handledSeq = recoveredSeq;
        this.controls = controls;
        this.unfinishedControls = unfinishedControls;
        this.journal = journal;
        this.cpu = cpu;
        this.pinReport = pinReport;
        this.publishedSeq = recoveredSeq;
    }

    @Override
    public void onStart() {
        if (cpu >= 0) {
            pinReport.accept(CpuPinning.pinCurrentThread(cpu));
        }
    }

    @Override
    public void onEvent(Command command, long sequence, boolean endOfBatch) {
        if (!captures.isEmpty()) {
            // queued before this command was processed: the capture is of the previous one
            runCaptures();
        }
        if (command.seq >= journal.failedFromSeq()) {
            if (withheld++ == 0) {
                LOG.error("withholding results from seq {} on: the journal failed", command.seq);
            }
        } else {
            try {
                results.onResult(command, endOfBatch);
            } catch (Throwable e) {
                if (Long.bitCount(++failures) == 1) {
                    LOG.error("result handler failed on {} ({} failures so far; logged at powers of two); going on",
                            command, failures, e);
                }
            }
            if (endOfBatch) {
                publishedSeq = command.seq;
            }
        }
        if (command.ingressNanos != 0) {
            latency.record(System.nanoTime() - command.ingressNanos);
        }
        command.text = null;
        command.attachment = null;
        command.reply = null;
        events.release(command);
        handledSeq = command.seq;
        if (!captures.isEmpty()) {
            runCaptures();
        }
        if (endOfBatch) {
            runControls(sequence);
        }
    }

    @Override
    public void onTimeout(long sequence) {
        runCaptures();
        runControls(sequence);
    }

    /** Runs the snapshot captures of the result handler's state whose seq is the last command handed to it. */
    private void runCaptures() {
        Capture capture;
        while ((capture = captures.peek()) != null && capture.seq <= handledSeq) {
            captures.poll();
            if (capture.seq == handledSeq) {
                capture.run();
            } else {
                capture.fail(new IllegalStateException("the publish thread passed seq " + capture.seq
                        + " before its snapshot capture was queued"));
            }
        }
    }

    private void runControls(long publishedSequence) {
        ControlTask task;
        while ((task = controls.peek()) != null && task.target <= publishedSequence) {
            controls.poll();
            try {
                task.run(publishedSeq, 0);
            } finally {
                unfinishedControls.decrementAndGet();
            }
        }
    }

    long publishedSeq() {
        return publishedSeq;
    }

    /** @return sampled commands' time from ingress to result handed on (any thread) */
    LatencyRecorder latency() {
        return latency;
    }

    /**
     * A snapshot capture of the result handler's state, run on the publish thread right after the command {@code seq}
     * was handed to the handler (the business thread queues it while it has processed no command after seq, so the
     * publish thread cannot have passed seq).
     */
    abstract static class Capture {

        /** The snapshot's last command. */
        final long seq;

        Capture(long seq) {
            this.seq = seq;
        }

        /** Captures; must not throw. */
        abstract void run();

        /**
         * Fails the capture without running it.
         *
         * @param reason why
         */
        abstract void fail(Throwable reason);
    }
}
