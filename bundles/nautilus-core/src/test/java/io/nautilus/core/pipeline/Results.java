package io.nautilus.core.pipeline;

import io.nautilus.core.Command;

import java.util.concurrent.atomic.AtomicReference;

/** Collects results on the publish thread and checks order and journaling as they arrive. */
final class Results implements ResultHandler {

    final AtomicReference<CorePipeline<?>> pipeline = new AtomicReference<>();
    final long[] seqs;
    final long[] timestamps;
    final boolean[] rejected;
    final String[] details;
    private long expectedNext;
    volatile int count;
    volatile int orderViolations;
    volatile int journalViolations;
    volatile int durableViolations;
    volatile long maxReleased;
    volatile String thread;

    Results(int capacity, long firstSeq) {
        seqs = new long[capacity];
        timestamps = new long[capacity];
        rejected = new boolean[capacity];
        details = new String[capacity];
        expectedNext = firstSeq;
    }

    @Override
    public void onResult(Command c, boolean endOfBatch) {
        if (c.seq != expectedNext) {
            orderViolations++;
        }
        expectedNext = c.seq + 1;
        CorePipeline<?> p = pipeline.get();
        if (p != null) {
            if (p.journaledSeq() < c.seq) {
                journalViolations++;
            }
            if (p.durableSeq() < c.seq) {
                durableViolations++;
            }
        }
        int i = count;
        if (i < seqs.length) {
            seqs[i] = c.seq;
            timestamps[i] = c.timestamp;
            rejected[i] = c.rejected();
            details[i] = c.rejectDetail;
        }
        thread = Thread.currentThread().getName();
        maxReleased = c.seq;
        count = i + 1;
    }
}
