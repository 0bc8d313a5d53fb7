package io.nautilus.core;

/**
 * One sequential log of event records shared by the {@link Command} slots of a pipeline's ring: the processing thread
 * writes each command's {@link Events} one after another into one circular array, instead of into an array of each
 * slot's own. A slot's own array (8 events, 1 KiB) was cold whenever the ring came round to it, and recording an
 * event missed the cache on every line it wrote; the log is written in sequence, where the processor's prefetching
 * runs ahead of it, and holds only the events there are.
 *
 * <p>One writer (the thread that processes the commands) and one releaser (the thread that hands the results on,
 * {@link #release(Command)} in sequence order): a record stays untouched until the command it belongs to was
 * released. When the unreleased records fill the array, the writer doubles it, copying them: a reader still holding
 * the old array (a command written before) reads the same values from it, nothing writes the old array again. The
 * unreleased records are at most those of the ring's commands, so the log stops growing once it holds a ring's worth
 * of the busiest stretch.
 *
 * <p>Not thread-safe beyond that: one writer thread, one releasing thread, and readers that receive each command
 * after it was processed (through the ring's sequences, which order the writes before the reads).
 */
public final class EventLog {

    private static final java.lang.invoke.VarHandle RELEASED;

    static {
        try {
            RELEASED = java.lang.invoke.MethodHandles.lookup().findVarHandle(EventLog.class, "released", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Largest capacity in events. */
    private static final int MAX_EVENTS = 1 << 26;

    /** The records; replaced by a bigger copy when full. Written by the writer thread only. */
    long[] data;
    /** Next free position (in longs, counted from the start, never wrapping). Writer thread only. */
    long head;
    /** Positions below this may be written without looking at {@link #released} again. Writer thread only. */
    long limit;
    /** Positions below this were released (written by the releasing thread, with release semantics). */
    private long released;
    private volatile int growths;
    /** A log of one command's events (not a pipeline's): written from its start again after each clear. */
    final boolean owned;

    /**
     * @param events initial capacity in events (rounded up to a power of two, at least 16)
     */
    public EventLog(int events) {
        this(events, 16, false);
    }

    private EventLog(int events, int least, boolean owned) {
        if (events < 1 || events > MAX_EVENTS) {
            throw new IllegalArgumentException("event log capacity " + events + " must be 1 to " + MAX_EVENTS);
        }
        int capacity = Math.max(least, events <= 1 ? 1 : Integer.highestOneBit(events - 1) << 1);
        data = new long[capacity * Events.STRIDE];
        limit = data.length;
        this.owned = owned;
    }

    /**
     * The log of one command's events: each {@link Events#clear} starts it again, nothing is released.
     *
     * @param events initial capacity in events (a power of two)
     * @return a new log
     */
    static EventLog own(int events) {
        return new EventLog(events, 1, true);
    }

    /**
     * Starts an owned log again from its beginning (its one command's events were cleared); its released position
     * stays 0, so growing copies from the start.
     */
    void restart() {
        head = 0;
        limit = data.length;
    }

    /**
     * A log sized for a ring: two events per slot, the mixes measured average fewer.
     *
     * @param ringSize ring slots
     * @return a new log
     */
    public static EventLog forRing(int ringSize) {
        return new EventLog((int) Math.min(MAX_EVENTS, 2L * ringSize));
    }

    /**
     * Marks a command's events as handed on: their records may be overwritten. Called by the releasing thread for the
     * commands in sequence order (it may skip commands; a command without events changes nothing).
     *
     * @param command a command of this log, after its result was handed on
     */
    public void release(Command command) {
        Events e = command.events;
        if (e.size() > 0) {
            long end = e.end();
            if (end > (long) RELEASED.getOpaque(this)) {
                RELEASED.setRelease(this, end);
            }
        }
    }

    /**
     * Makes room for records up to {@code end} (exclusive) of the command being written: takes up released space,
     * or doubles the array if the unreleased records fill it.
     *
     * @param events the events being written (their array is updated if the log grows)
     * @param end the end position needed
     */
    void makeRoom(Events events, long end) {
        long freed = (long) RELEASED.getAcquire(this);
        int length = data.length;
        if (end - freed <= length) {
            limit = freed + length;
            return;
        }
        long needed = end - freed;
        int grown = length;
        while (grown < needed) {
            if (grown >= MAX_EVENTS * Events.STRIDE) {
                throw new IllegalStateException("event log full: " + (needed / Events.STRIDE)
                        + " unreleased events (at most " + MAX_EVENTS + ")");
            }
            grown <<= 1;
        }
        long[] bigger = new long[grown];
        int oldMask = length - 1;
        int newMask = grown - 1;
        for (long p = freed; p < head; p += Events.STRIDE) {
            System.arraycopy(data, (int) p & oldMask, bigger, (int) p & newMask, Events.STRIDE);
        }
        data = bigger;
        limit = freed + grown;
        growths = growths + 1;
        events.moved(bigger);
    }

    /** @return the capacity in events */
    public int capacity() {
        return data.length / Events.STRIDE;
    }

    /** @return how often the log has grown since it was made (any thread) */
    public int growths() {
        return growths;
    }
}
