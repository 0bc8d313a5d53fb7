package io.nautilus.core.pipeline;

import com.lmax.disruptor.EventHandler;
import io.nautilus.core.Command;

import java.util.function.Consumer;

/**
 * Publish handler, gated on both the journal and the business handler: hands each processed and journaled command
 * to the {@link ResultHandler}. Results of commands the journal failed to write are withheld. Afterwards the slot's
 * references (text, attachment, reply) are dropped, so the ring does not keep them alive until it wraps.
 */
final class PublishStage implements EventHandler<Command> {

    private static final io.nautilus.core.CoreLogger LOG = io.nautilus.core.CoreLogger.of(PublishStage.class);

    private final ResultHandler results;
    private final JournalStage journal;
    private final int cpu;
    private final Consumer<String> pinReport;
    private long withheld;
    private long failures;

    private volatile long publishedSeq;

    PublishStage(ResultHandler results, JournalStage journal, long recoveredSeq, int cpu,
                 Consumer<String> pinReport) {
        this.results = results;
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
        command.text = null;
        command.attachment = null;
        command.reply = null;
    }

    long publishedSeq() {
        return publishedSeq;
    }
}
