package io.nautilus.core.pipeline;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.EventProcessor;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.Sequencer;
import com.lmax.disruptor.TimeoutException;
import io.nautilus.core.Command;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The journal thread of the {@link PipelineLayout#COMPACT compact} layout, with the publish stage merged into it:
 * journals the ring's commands as the parallel layout's journal handler does ({@link JournalStage}: a batch is
 * written, and forced per the fsync policy, with BATCH on the fsync thread while the next batch is written), then
 * hands on the results as the publish handler does ({@link PublishStage}) up to the lower of the last journaled
 * (forced) command and the last command the business thread processed. A result is therefore never handed on before
 * its command is journaled, and never before it is processed.
 *
 * <p>It waits for new commands only when every written result is handed on; when results are pending and nothing
 * is left to journal it waits for the business thread or the force (one of which has work in hand), and
 * when both have work it journals first, so commands arriving meanwhile join the next write. Idle ticks and wake-ups
 * of the wait strategy run both stages' idle work (PERIODIC fsync, queries on the published state, snapshot
 * captures). Its {@link #getSequence() sequence}, the last ring sequence handed on, is the ring's gating sequence.
 *
 * <p>In the {@link PipelineLayout#SINGLE single} layout the same thread also runs the business stage: each batch is
 * processed first, then journaled, so "processed" is always at least "journaled" and only the journal (the force)
 * holds results back; queries and snapshot requests run between batches and on the wait strategy's wake-ups.
 */
final class JournalPublishProcessor implements EventProcessor {

    private static final io.nautilus.core.CoreLogger LOG = io.nautilus.core.CoreLogger.of(JournalPublishProcessor.class);

    /**
     * Most commands taken through the business and journal stages at a time: each stage passes over them in turn, so
     * a longer run (a full ring is 64 K commands and their events) would be fetched from memory again by the journal.
     * The journal's own batch (one write to the OS, one force) still ends only where the published commands do.
     */
    static final int MAX_BATCH = 256;

    private final RingBuffer<Command> ring;
    private final SequenceBarrier commands;
    private final SequenceBarrier processed;
    private final Sequence business;
    private final Sequence journalReleased;
    private final JournalStage journal;
    private final PublishStage publish;
    private final BusinessStage inline;
    private final Sequence released = new Sequence(Sequencer.INITIAL_CURSOR_VALUE);
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean halted;
    private long journaled = Sequencer.INITIAL_CURSOR_VALUE;

    /**
     * @param ring the ring
     * @param business the business handler's sequence (its last processed ring sequence)
     * @param journalReleased the last ring sequence journaled (forced with BATCH fsync, see {@link JournalStage#released()})
     * @param journal journals each command (never throws)
     * @param publish hands each result on (never throws)
     */
    JournalPublishProcessor(RingBuffer<Command> ring, Sequence business, Sequence journalReleased, JournalStage journal,
                            PublishStage publish) {
        this(ring, business, journalReleased, journal, publish, null);
    }

    private JournalPublishProcessor(RingBuffer<Command> ring, Sequence business, Sequence journalReleased,
                                    JournalStage journal, PublishStage publish, BusinessStage inline) {
        this.ring = ring;
        this.commands = ring.newBarrier();
        this.processed = inline == null ? ring.newBarrier(business, journalReleased) : ring.newBarrier(journalReleased);
        this.business = business;
        this.journalReleased = journalReleased;
        this.journal = journal;
        this.publish = publish;
        this.inline = inline;
    }

    /**
     * The single layout's one thread: business, journal and publish stages in turn.
     *
     * @param ring the ring
     * @param journalReleased the last ring sequence journaled (forced with BATCH fsync)
     * @param business processes each command (never throws), then runs the queries due
     * @param journal journals each command (never throws)
     * @param publish hands each result on (never throws)
     * @return the processor; {@link #processedSequence()} is its business stage's sequence
     */
    static JournalPublishProcessor single(RingBuffer<Command> ring, Sequence journalReleased, BusinessStage business,
                                          JournalStage journal, PublishStage publish) {
        return new JournalPublishProcessor(ring, new Sequence(Sequencer.INITIAL_CURSOR_VALUE), journalReleased,
                journal, publish, business);
    }

    /** @return the last ring sequence processed by the business stage */
    Sequence processedSequence() {
        return business;
    }

    @Override
    public void run() {
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("the journal thread is already running");
        }
        try {
            if (inline != null) {
                inline.onStart();
            }
            journal.onStart();
            publish.onStart();
            loop();
        } finally {
            journal.onShutdown();
            running.set(false);
        }
    }

    private void loop() {
        while (true) {
            try {
                long next = journaled + 1;
                long handed = released.get();
                // at most one chunk past this batch's end is looked at: the rest waits for the next turn
                long available = handed == journaled ? commands.waitFor(next)
                        : highestPublished(next, next + MAX_BATCH);
                if (available >= next) {
                    long end = Math.min(available, next + MAX_BATCH - 1);
                    if (inline != null) {
                        for (long s = next; s <= end; s++) {
                            inline.onEvent(ring.get(s), s, s == end);
                        }
                        business.set(end);
                    }
                    // the journal's batch (one write to the OS, one force) ends where the ring's does, or after
                    // JournalStage.MAX_GROUP commands
                    for (long s = next; s <= end; s++) {
                        journal.onEvent(ring.get(s), s, s == available);
                    }
                    journaled = end;
                }
                long upTo = Math.min(journalReleased.get(), business.get());
                if (upTo > handed) {
                    for (long s = handed + 1; s <= upTo; s++) {
                        publish.onEvent(ring.get(s), s, s == upTo);
                    }
                    released.set(upTo);
                } else if (available < next && handed < journaled) {
                    processed.waitFor(handed + 1);
                }
            } catch (TimeoutException e) {
                if (inline != null) {
                    inline.onTimeout(journaled);
                }
                journal.onTimeout(journaled);
                publish.onTimeout(released.get());
            } catch (AlertException e) {
                if (halted) {
                    return;
                }
            } catch (Throwable e) {
                LOG.error("unexpected exception on the {} thread (journaled to ring sequence {}, handed on to {});"
                        + " going on", inline == null ? "journal" : "pipeline", journaled, released.get(), e);
            }
        }
    }

    /**
     * @return the highest ring sequence from {@code next} on, up to {@code last}, published without a gap, or
     * next - 1 (no wait)
     */
    private long highestPublished(long next, long last) {
        long cursor = Math.min(ring.getCursor(), last);
        long s = next;
        while (s <= cursor && ring.isAvailable(s)) {
            s++;
        }
        return s - 1;
    }

    /** @return the last ring sequence whose result was handed on (or withheld): the ring may reuse slots up to it */
    @Override
    public Sequence getSequence() {
        return released;
    }

    @Override
    public void halt() {
        halted = true;
        commands.alert();
        processed.alert();
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }
}
